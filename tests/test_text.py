from xltools.text import clean_text, keep_together


def test_spaces_and_punctuation():
    assert clean_text("认真落实\xa0上级部署,围绕全市\u3000中心工作;确保") == "认真落实上级部署，围绕全市中心工作；确保"
    assert clean_text("各县(市、区)人民政府") == "各县（市、区）人民政府"
    assert clean_text("ＩＰｖ６改造 １２３４５") == "IPv6改造 12345"
    assert clean_text("a, b") == "a, b"
    assert clean_text("\ufeff 文本 \u200b") == "文本"


def test_keep_together_joins_a_phone_number_at_its_hyphen() -> None:
    assert keep_together("0436-6222000") == "0436-\u20606222000"
    assert keep_together("0436-6222000，0436-6222001") == \
        "0436-\u20606222000，0436-\u20606222001"
    assert keep_together("4-1 第一-二季度") == "4-\u20601 第一-二季度"  # digits on both sides only
