"""Every Chinese user-facing string and header alias lives here.

Code elsewhere uses English identifiers and refers to these constants.
Sections are marked so that features can add their own strings without
touching each other's.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- roles
ROLE_LEAD = "牵头"
ROLE_RESPONSIBLE = "责任"
ROLE_ASSIST = "配合"
ROLES = (ROLE_LEAD, ROLE_RESPONSIBLE, ROLE_ASSIST)

# The pseudo-unit that stands for "every relevant department".
GENERIC_UNIT = "各相关部门"

# ------------------------------------------------------- unit categories
KIND_CITY_DEPT = "市直部门"
KIND_ZONE_TOWN = "开发区/乡镇"
KIND_CENTRAL = "中省直单位"
KIND_COORDINATION = "议事协调机构"
KIND_GENERIC = "泛指"
UNIT_KINDS = (KIND_CITY_DEPT, KIND_ZONE_TOWN, KIND_CENTRAL, KIND_COORDINATION, KIND_GENERIC)

# --------------------------------------------------- normalised workbook
SHEET_README = "说明"
SHEET_ASSIGNMENTS = "任务分工"
SHEET_UNITS = "单位"
SHEET_REVIEW = "待核对"

COL_REQ_ID = "要求编号"
COL_GOAL = "目标"
COL_TASK_NO = "任务序号"
COL_TASK = "任务"
COL_REQUIREMENT = "具体要求"
COL_UNIT = "单位"
COL_ROLE = "角色"
COL_DEADLINE = "完成时限"
COL_UNITS_TEXT = "原文责任单位"
COL_REMARK = "备注"
ASSIGNMENT_COLUMNS = (
    COL_REQ_ID, COL_GOAL, COL_TASK_NO, COL_TASK, COL_REQUIREMENT,
    COL_UNIT, COL_ROLE, COL_DEADLINE, COL_UNITS_TEXT, COL_REMARK,
)

UCOL_NAME = "单位"
UCOL_KIND = "类别"
UCOL_ALIASES = "别名"
UCOL_CONTACT = "联系人"
UCOL_PHONE = "联系电话"
UCOL_EMAIL = "邮箱"
UNIT_COLUMNS = (UCOL_NAME, UCOL_KIND, UCOL_ALIASES, UCOL_CONTACT, UCOL_PHONE, UCOL_EMAIL)
ALIAS_SEPARATOR = "、"

RCOL_NO = "序号"
RCOL_KIND = "类型"
RCOL_REQ_ID = "要求编号"
RCOL_MESSAGE = "说明"
RCOL_LINE = "原文行号"
RCOL_SOURCE = "原文"
RCOL_RESULT = "核对结果"
REVIEW_COLUMNS = (RCOL_NO, RCOL_KIND, RCOL_REQ_ID, RCOL_MESSAGE, RCOL_LINE, RCOL_SOURCE, RCOL_RESULT)
REVIEW_RESULTS = ("无误", "已修改", "待定")

SETTING_KEY = "设置项"
SETTING_VALUE = "值"
SET_TITLE = "标题"
SET_YEAR = "年度"
SET_ISSUER = "发文单位"
SET_DOC_NUMBER = "发文字号"
SET_FEEDBACK_DEADLINE = "反馈截止日期"
SET_CONTACT = "联系人"
SET_PHONE = "联系电话"
SET_STATUSES = "状态选项"
SET_ISSUE_DATE = "成文日期"  # the letters' date (GB/T 9704 成文日期)
SET_SOURCE_COLUMNS = "原表列"  # the original's columns in its order, e.g. 目标、序号、任务、有关要求、责任单位
SETTING_KEYS = (SET_TITLE, SET_YEAR, SET_ISSUER, SET_DOC_NUMBER,
                SET_FEEDBACK_DEADLINE, SET_CONTACT, SET_PHONE, SET_STATUSES, SET_ISSUE_DATE,
                SET_SOURCE_COLUMNS)
SETTINGS_END_MARKER = "使用说明"

README_LINES = (
    "1. 本工作簿由 xltools 从原始任务分工表生成，每行对应“一条具体要求 × 一个单位”。",
    "2. 在“任务分工”表中修改单位、角色、完成时限；单位和角色可从下拉列表选择。",
    "3. 新增单位请写在“单位”表的末尾，下拉列表会自动包含它；合并或拆分单位请同时修改“别名”列。",
    "4. 要求编号格式为“任务序号-要求序号”（如 1-2），请以文本形式填写，勿让 Excel 改成日期。",
    "5. “待核对”表列出导入时的每一处判断，请逐条核对原文后再下发。",
    "6. 修改后可运行“校验”（xltools check）检查单位、角色、日期和编号是否一致。",
    "7. 下发：填好上方设置后生成交办通知（xltools letters，附进度反馈表和原表格式任务分工）和进度反馈表"
    "（xltools split），一并发给各单位。",
    "8. 收回：把各单位交回的反馈表放进一个文件夹，汇总进度（xltools rollup），再生成通报（xltools report）"
    "和催办通知（xltools remind）。标识的规则见“汇总”表的图例，阈值可在上方设置。",
)

UNIT_LIST_NAME = "单位列表"
PRINT_HEADER_TITLE = "任务分工"
PRINT_FOOTER_PAGE = "第 &P 页，共 &N 页"

# Review note kinds shown on 待核对.
REVIEW_GOAL = "目标归属"
REVIEW_TASK_NAME = "任务名称"
REVIEW_UNITS = "责任单位"
REVIEW_UNIT_MERGE = "单位合并"
REVIEW_DEADLINE = "完成时限"
REVIEW_NO_UNIT = "缺少单位"
REVIEW_SKIPPED = "忽略的行"
REVIEW_STRUCTURE = "表格结构"
REVIEW_TRADITIONAL = "繁体转换"

# ------------------------------------------------- header aliases (readers)
# Column meaning is taken from header words, never from position.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "任务序号", "项目编号"),
    "goal": ("目标", "工作目标", "重点领域", "总体目标", "任务目标", "领域", "板块", "类别"),
    "task": ("任务", "工作任务", "主要任务", "重点工作", "重点任务", "工作内容", "工作事项", "任务名称"),
    "requirement": ("有关要求", "具体要求", "工作措施", "任务内容", "主要措施", "具体措施",
                    "工作要求", "具体内容", "目标要求", "具体工作", "推进措施", "任务要求"),
    "units": ("责任单位", "牵头单位", "配合单位", "协同单位", "责任科室", "责任部门",
              "牵头部门", "配合部门", "协办单位", "主办单位", "承办单位", "责任主体",
              "协同责任单位", "参与单位", "牵头责任单位", "牵头科室", "配合科室"),
    "deadline": ("完成时限", "时限要求", "完成时间", "时间节点", "时限", "进度安排", "完成期限"),
    "people": ("责任领导", "分管领导", "牵头负责领导", "牵头领导", "责任人", "联系人", "包保领导"),
    "remark": ("备注",),
}
# Header words read by their head noun when they are not an alias above
# (牵头组织实施单位, 责任主体与协同单位, 第二季度完成情况, 民生实事 → text).
HEADER_GRAMMAR: tuple[tuple[str, str], ...] = (
    ("progress", r"(?:完成情况|进展情况|进展|落实情况|推进情况|执行情况|完成进度|进度情况|工作成效)$"),
    # A column per period (一季度 二季度 …, 上半年) holds what was done in it.
    ("progress", r"^(?:第?[一二三四1-4]季度|[上下]半年)$"),
    # A problem found (存在问题, 反馈问题, 问题表现, 问题描述, 问题清单): head noun 问题, or 问题
    # qualified by how it shows. In a 整改清单 the problem is the item; the measure beside it
    # (整改措施, 整改任务) its detail — decided where the columns are resolved
    # (columns.problem_columns), so the column competes as a text column until then.
    ("problem", r"(?:问题|問題)(?:表现|表現|描述|清单|清單|事项|內容|内容|详情|具体表现)?$"),
    ("people", r"(?:领导|负责人|责任人|联系人|领导人|包保人|分管人|領導|負責人)$"),
    ("units", r"(?:单位|部门|科室|处室|主体|机构|股室|机关|部門|單位)$"),
    # 时间要求, 进度要求, 时限安排: a requirement word qualified by time names the deadline.
    ("deadline", r"(?:时限|时间|期限|节点|日期|时序|进度安排|年限|年度)$|(?:时限|时间|期限|节点|进度)(?:要求|安排)$"),
    ("number", r"(?:序号|编号)$"),
    ("requirement", r"(?:要求|措施|举措|内容|标准|目标任务)$"),
    ("task", r"(?:任务|工作|事项|项目)(?:名称)?$"),
    # Columns beside the task that name no part of it: amounts (投资金额（万元）) and places
    # (建设地点); their cells look like numbers and units but are neither.
    ("amount", r"(?:金额|总额|投资额?|资金|万元|亿元|数量|面积|规模|个数|产值)(?:[（(][^（()）]{1,6}[)）])?$"),
    ("place", r"(?:地点|地址|位置|所在地|区域|建设地)$"),
    ("goal", r"(?:目标|领域|板块|类别)$"),
    ("remark", r"(?:备注|说明)$"),
    ("text", r"^[\u4e00-\u9fff（）()/]{2,12}$"),
)
# Words in a units header that mean 责任 (beside 配合 they make a mixed column).
RESPONSIBLE_HEADER_WORDS = ("责任", "负责", "主体", "承办", "实施", "落实", "承担", "具体")
# Role modifiers of a label (a header cell, a labelled line, a label in brackets):
# the label's head noun says what it names (…单位 units, …领导 people, …时限
# deadline); these words before it say the role, whatever else stands between
# (牵头督查单位, 主要协作单位, 牵头科室（单位）).
LABEL_LEAD_WORDS = ("牵头", "主办", "主责", "主抓", "主要负责", "牽頭", "主管")
LABEL_ASSIST_WORDS = ("配合", "协办", "协作", "协同", "参与", "协助", "参加", "協助", "協同", "參與", "配合")
# A modifier that makes a measure a rectification's (整改措施, 整改要求, 整改任务): it presupposes a
# problem, which is then the item (prose 整改清单: the problem line, its labelled measure a detail).
RECTIFY_WORDS = ("整改", "整治", "纠正")
# Words that join two roles in one label (责任主体与协同单位): a mixed column.
LABEL_JOINERS = ("与", "和", "及", "、", "/", "／")
# Modifiers of a units label that name who oversees the work (督办单位 beside 承办单位):
# such a label, with no role word and another units label on the item, names no assignee.
LABEL_SUPERVISE_WORDS = ("督办", "督查", "督导", "监督", "督促", "督辦", "監督")
# Common surnames: a 2–4 character cell starting with one, in a people column, is a name.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝")

# How a post ends (副区长, 党委书记, 办公室主任, 副主席): a post beside a personal name
# (副区长 谭志刚, 王强副局长) is a person, never a unit.
PERSON_POST_ENDINGS = ("长", "书记", "主任", "主席", "委员", "常委", "调研员", "巡视员", "经理", "总监", "专员")

# A units header that names one role for the whole column.
UNITS_HEADER_ROLE = {
    "牵头单位": ROLE_LEAD, "牵头部门": ROLE_LEAD, "主办单位": ROLE_LEAD,
    "牵头科室": ROLE_LEAD, "牵头责任单位": ROLE_LEAD,
    "配合单位": ROLE_ASSIST, "配合部门": ROLE_ASSIST, "协同单位": ROLE_ASSIST,
    "协办单位": ROLE_ASSIST, "参与单位": ROLE_ASSIST, "配合科室": ROLE_ASSIST,
    "协同责任单位": ROLE_ASSIST,
}

# A site's footer, a line of any length opening so (版权所有：…  地址：…).
PAGE_FOOTER = ("版权所有", "Copyright", "copyright", "©", "技术支持：", "网站标识码")
# Page chrome that scraped pages carry around the table.
PAGE_CHROME = ("登录", "注册", "首页", "当前位置", "打印本页", "关闭窗口", "分享到",
               "字体", "浏览次数", "来源", "发布时间", "政府信息公开", "【打印】", "【关闭】",
               "扫一扫", "收藏", "返回顶部", "上一篇", "下一篇", "网站地图", "无障碍")

# ------------------------------------------------------ units wording
# Words that mark a role inside a units clause.
LEAD_WORDS = ("牵头", "主办", "牽頭")
ASSIST_WORDS = ("配合", "协助", "参与", "协同", "協助", "參與", "協同", "协办")
RESPONSIBLE_WORDS = ("负责", "落实", "抓好", "承办", "實施", "负總責", "负总责", "負總責", "負責", "落實", "分工负责")
# Trailing phrases that follow a unit list and are not unit names.
UNIT_LIST_TAILS = ("等有关部门", "等相关部门", "等相关单位", "等有关单位", "等部门", "等单位",
                   "等职能部门", "等成员单位", "等")
# Bare generic phrases → the pseudo-unit GENERIC_UNIT.
GENERIC_PHRASES = ("各相关部门", "各有关部门", "各部门", "各相关单位", "各有关单位", "各单位",
                   "相关部门", "有关部门", "相关单位", "有关单位", "各地各部门", "各地各相关部门",
                   "各级各部门", "各级各相关部门", "其他相关部门", "其他有关部门", "各成员单位",
                   "各有關部門", "各相關部門")
# Standard names of municipal bodies (after the 2018 reform) used to pick the
# canonical spelling when two forms of one name occur equally often.
STANDARD_BODY_NAMES = (
    "人民政府办公室", "政府办公室", "发展和改革局", "发展和改革委员会", "教育局", "科学技术局",
    "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
    "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
    "商务局", "文化和旅游局", "文化广播电视和旅游局", "卫生健康局", "卫生健康委员会",
    "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
    "林业和草原局", "政务服务管理局", "政务服务局", "信访局", "税务局", "城市管理局",
    "体育局", "乡村振兴局", "机关事务管理局", "人民防空办公室", "档案局", "气象局",
)
# Common short forms → full forms (used only when the document has both).
SHORT_FORMS = {
    "政府办": "政府办公室", "府办": "政府办公室", "发改局": "发展和改革局", "发改委": "发展和改革委员会",
    "人社局": "人力资源和社会保障局", "住建局": "住房和城乡建设局", "卫健局": "卫生健康局",
    "卫健委": "卫生健康委员会", "医保局": "医疗保障局", "市场监管局": "市场监督管理局",
    "工信局": "工业和信息化局", "科技局": "科学技术局", "交通局": "交通运输局",
    "应急局": "应急管理局", "文旅局": "文化和旅游局", "文广旅局": "文化广播电视和旅游局",
    "林草局": "林业和草原局", "农业局": "农业农村局", "环保局": "生态环境局",
    "国土局": "自然资源局", "退役军人局": "退役军人事务局", "政数局": "政务服务和数据管理局",
    "教体局": "教育和体育局", "编办": "机构编制委员会办公室", "宣传部": "委宣传部", "网信办": "委网络安全和信息化委员会办公室",
}

# Unit-name endings by category (guessing 类别).
ZONE_TOWN_MARKERS = ("开发区", "高新区", "园区", "管委会", "街道", "乡", "镇", "示范区", "新区", "片区")
CENTRAL_MARKERS = ("人民银行", "支行", "分行", "税务", "海关", "供电", "电力", "邮政", "电信",
                   "移动公司", "联通", "铁路", "气象局", "烟草", "石油", "国家", "省", "银保监",
                   "证监", "武警", "消防救援")
COORDINATION_MARKERS = ("领导小组", "指挥部", "指挥中心", "联席会议", "委员会办公室", "工作组", "专班")
# Words that end a unit name (used to tell a units cell from requirement text).
UNIT_SUFFIXES = ("局", "办", "委", "部", "室", "院", "厅", "处", "科", "所", "站", "队", "中心",
                 "政府", "公司", "支行", "分行", "银行", "集团", "管委会", "开发区", "街道", "园区",
                 "小组", "会", "单位", "部门", "科室", "乡镇", "各镇", "法院", "检察院", "区", "县",
                 "市", "镇", "乡", "班", "署", "馆", "台", "社", "团", "校", "组", "联", "协", "所",
                 "医院", "协会", "联合会", "街", "平台",
                 "大学", "学院", "海关", "油田", "林场", "农场", "监狱",
                 # sections of a county bureau or tax office (纳税服务股, 税源管理一股), court
                 # divisions (立案庭, 民二庭), schools and works (实验小学, 第二车间, 自来水厂)
                 "股", "庭", "中学", "小学", "幼儿园", "车间", "厂", "矿",
                 # banks by their short names (县农商行, 市农行, 人行)
                 "农商行", "农行", "工行", "建行", "中行", "交行", "人行", "邮储行",
                 # short forms of state investment companies (区城投 = 区城市建设投资公司)
                 "城投", "水投", "交投", "国投", "产投", "文投", "建投")
# Words that end like a body but name none (困难家庭, 按期开庭, 入股).
NOT_BODY_ENDINGS = ("家庭", "开庭", "入股", "参股", "持股", "配股", "出厂", "进厂")
# Bodies named by a number (县一中, 市二小, 第3分局): a number before one of these words, or
# 第 + a number before any body ending, makes a body.
NUMBERED_BODY_WORDS = ("中", "小")
# A piece of a 、-list that only continues the collective name before it
# (各区、县级市 / 市直有关部门、单位 / 各乡镇、街道): never a unit on its own.
GROUP_CONTINUATIONS = ("县级市", "县（市、区）", "市", "区", "县", "市区", "县区", "乡镇", "镇", "乡",
                       "街道", "开发区", "园区", "单位", "部门", "村", "社区", "旗", "功能区")
# The kind of a body without its place (人民政府, 管委会): after 和 it shares the
# place named before (各县党委和人民政府, 高新区党工委和管委会) — one joint name.
BARE_BODY_WORDS = ("人民政府", "政府", "管委会", "党委", "党工委", "委员会", "办事处", "党组", "纪委",
                   "监委", "纪委监委")
# Level words that name no body on their own (a lone 市 is a name cut off).
BARE_LEVEL_WORDS = ("县级市", "市", "区", "县", "市区", "县区", "乡镇", "镇", "乡", "街道", "单位", "部门",
                    "村", "社区", "旗")
# The tail of a body's name standing alone (a name wrapped by its column: YY区 / 政府), no body itself;
# a body suffix alone (局, 中心) is one too.
BARE_BODY_WORDS = ("政府", "人民政府", "委员会", "办公室", "党委", "党工委", "管委会", "领导小组")
# Units wording conventions stated once for the whole document.
# 列第一位者为牵头单位, 列第一位者为工作牵头单位, 第一责任单位为牵头单位, 排名首位的为主办.
CONVENTION_FIRST_LEAD = re.compile(
    r"(?:列|排|排在|名列|位列|位于|居)?(?:第一位|第一个|首位|最前|前面|第一)[\u4e00-\u9fff]{0,5}?"
    r"(?:为|是|系)[\u4e00-\u9fff]{0,4}?(?:" + "|".join((*LABEL_LEAD_WORDS, "汇总")) + ")")
# Bracket texts glued to a unit that are rule sentences, not part of a name.
RULE_NOTE_MARKERS = ("下同", "不再一一列出", "不再列出", "除标注", "除注明", "以下", "均需", "均由",
                     "均为", "为牵头", "分别牵头", "列第一", "排第一", "排在第一")

# ------------------------------------------------------------- deadlines
DEADLINE_WORDS = ("持续推进", "长期坚持", "长期推进", "持续开展", "每季度", "每月", "每年", "每半年",
                  "常态化", "长期", "持续", "按时", "适时", "全年", "年内",
                  "立行立改", "即知即改", "即查即改")  # at once (an 整改清单's 整改时限)

# -------------------------------------------------------- errors / CLI
ERR_PREFIX = "Error"
MSG_FILE_EXISTS = "文件已存在：{path}。如需覆盖请加 --force。(file exists; add --force to overwrite)"
MSG_FILE_NOT_FOUND = "找不到文件：{path}。请检查路径。(file not found)"
MSG_NOT_A_WORKBOOK = "{path} 不是可读取的 Excel 工作簿（.xlsx）：{reason}。(not a readable .xlsx workbook)"
MSG_MISSING_SHEET = "{path} 缺少工作表“{sheet}”。请使用 xltools import 生成的工作簿或 templates/assignment.xlsx。(missing sheet)"
MSG_MISSING_COLUMN = "{path} 工作表“{sheet}”第 1 行缺少列“{column}”。请恢复表头。(missing column)"
MSG_NO_TABLE = "{path} 中没有找到任务分工表：需要一行包含“任务/要求/责任单位”等列名的表头，或带编号和责任单位的条目。(no task table found)"
MSG_EMPTY_INPUT = "{path} 是空文件。(empty file)"
MSG_UNREADABLE_TEXT = "{path} 无法按 UTF-8、GB18030 或 Big5 解码，请另存为 UTF-8 文本。(cannot decode text)"
MSG_UNSUPPORTED_FORMAT = "{path} 的格式不受支持：{detail}。支持 .txt .csv .html .docx .xlsx .xlsm .xls。(unsupported format)"
MSG_BAD_UNITS_WORKBOOK = "--units 指定的工作簿 {path} 没有“单位”表。(the --units workbook has no 单位 sheet)"
MSG_BAD_YEAR = "年度“{value}”无效，请填写四位年份，如 2019。(invalid year)"
MSG_INTERNAL = "内部错误：{detail}。请将此信息报告给开发者。(internal error)"
MSG_OUTPUT_IS_DIR = "输出路径 {path} 是一个文件夹，请给出文件名。(output path is a directory)"

# Problems reported by `check` (sheet / row given separately).
CHK_UNKNOWN_UNIT = "单位“{unit}”不在“单位”表中（也不是别名）。请在“单位”表末尾添加，或改为已有单位。"
CHK_TEXT_CONFLICT = "要求编号 {req_id} 的“{column}”与第 {first_row} 行不同。同一要求的各行应一致。"
CHK_MISSING_ROLE = "缺少角色。请从下拉列表选择 牵头/责任/配合。"
CHK_BAD_ROLE = "角色“{role}”无效。请从下拉列表选择 牵头/责任/配合。"
CHK_BAD_DATE = "完成时限“{value}”不是有效日期。请写成 2019-12-31，或写文字（如 持续推进）。"
CHK_BAD_REQ_ID = "要求编号“{value}”格式不对。应为“任务序号-要求序号”，如 1-2。"
CHK_REQ_ID_CONVERTED = "要求编号被 Excel 改成了{kind}“{value}”，已按 {req_id} 读取。请把该列设为文本后重新输入。"
CHK_MISSING_REQUIREMENT = "具体要求为空。"
CHK_MISSING_UNIT = "缺少单位。请从下拉列表选择单位。"
CHK_DUPLICATE_ASSIGNMENT = "单位“{unit}”在要求 {req_id} 中重复出现（第 {first_row} 行）。"
CHK_DUPLICATE_UNIT = "单位“{unit}”在“单位”表中重复（第 {first_row} 行）。"
CHK_ALIAS_CONFLICT = "别名“{alias}”同时属于“{first}”和“{second}”。"
CHK_TASK_NO_MISMATCH = "任务序号 {task_no} 与要求编号 {req_id} 不一致。"
CHK_OK = "校验通过：{requirements} 条要求，{rows} 行，{units} 个单位。"
CHK_FOUND = "发现 {count} 个问题："
CHK_KIND_ERROR = "错误"
CHK_KIND_WARNING = "提醒"

# Import summary (CLI / Excel message).
MSG_IMPORTED = ("已导入：{goals} 个目标，{tasks} 项任务，{requirements} 条要求，{rows} 行分工，"
                "{units} 个单位；{notes} 条待核对（{requirements} 条要求中 {flagged} 条需核对）。→ {path}")
MSG_TEMPLATE_WRITTEN = "已生成空白模板：{path}"
MSG_DEMO_DONE = "示例已完成，输出在 {path}"
DEMO_WORKBOOK = "任务分工.xlsx"

# Review messages written by the readers (待核对).
NOTE_GOAL_LABEL_STRAY = "目标“{goal}”的标签单独出现在任务 {task_no} 前，按上下文判断任务 {task_no} 属于目标“{chosen}”（标签可能是分页重复）。"
NOTE_GOAL_INFERRED = "任务 {task_no}“{task}”前没有目标标签，按上下文归入目标“{goal}”。"
# A cell that says "same as above" instead of repeating the text (a merged cell exported so).
DITTO_WORDS = ("同上", "同上述", "同前", "同上栏")
NOTE_LEAD_CARRIED = "“{header}”格为空，按合并单元格沿用上一行的牵头单位：{units}（文本中看不出合并，请核对）"
NOTE_UNITS_CARRIED = "“{header}”格为空，按合并单元格沿用上一行的单位：{units}（文本中看不出合并，请核对）"
NOTE_UNITS_COLUMN_BY_FORM = "“{units}”可能属于“{header}”列或“{other}”列，按名称形式（与“{header}”列其他单位相同）归入“{header}”列，请核对"
NOTE_UNITS_SPLIT = ("“{before}”与“{after}”之间没有分隔，按“{before}”属“{left}”、“{after}”起属“{right}”读入"
                    "（原文看不出两栏的分界，请核对）")
NOTE_UNITS_WITHOUT_REQUIREMENT = "此行有单位（{units}）但没有读出要求内容，未导入为要求，请核对原文。"
NOTE_MERGED_CELL_CARRIED = ("此行比表头少一格，其余各格与后面的列相符：按合并单元格沿用上一行的“{header}”：{text}"
                            "（文本中看不出合并，请核对）")
NOTE_TITLE_CARRIED = "“{header}”列有 {count} 行为空，按合并单元格沿用上一行的内容（文本中看不出合并，请核对）"
NOTE_UNITS_INHERITED = "责任单位格为空（不是合并单元格），沿用上一条要求的责任单位：{units}"
NOTE_NO_UNITS = "没有找到责任单位，请手工填写。"
NOTE_NOT_REQUIREMENT = "要求内容“{text}”不像一条要求（与任务同名，或是单位、数字、时限、进展），可能读错了列，请核对原文。"
NOTE_UNIT_MERGED = "“{alias}”与“{name}”视为同一单位，已合并（可在“单位”表的别名列撤销）。"
NOTE_GENERIC_UNIT = "“{phrase}”视为泛指单位“{generic}”。"
NOTE_RULE_NOTE = "责任单位中的说明“{text}”不是单位名称，已从单位中去掉。"
NOTE_FIRST_LEAD = "按文件中的约定“{text}”，排在第一位的单位视为牵头单位。"
NOTE_UNITS_REST = "责任单位中的“{text}”未识别为单位或角色，请核对。"
NOTE_JOINED_NAME_KEPT = ("“{unit}”按一个单位读取（“{left}”在文中没有单独作为单位出现）；"
                         "如是“{left}”和“{right}”两个单位，请拆分。")
NOTE_UNUSUAL_UNIT = "“{unit}”的名称结尾不常见，已作为单位保留，请核对。"
NOTE_DUPLICATE_CLAUSE = "责任单位中重复的分句“{clause}”只保留一次。"
NOTE_DEADLINE_IN_TEXT = "完成时限取自要求原文中的“{text}”。"
NOTE_SKIPPED_LINE = "此行不属于表格，已忽略。"
NOTE_NO_YEAR = "原文中没有年度，完成时限中的“年底前”等无法换算为日期。请用 --year 指定。"

# ------------------------------------------------------------- letters
# (issue 4 adds its strings here)
# The progress sheet each unit gets from `split` (issue 5) and is told to return
# in its letter. Build the file name with xltools.io.filenames.progress_filename(unit),
# which applies safe_filename; letters and split must use that same function.
PROGRESS_FILE_PATTERN = "进度反馈表-{unit}.xlsx"

# Context values computed for the letter template (docs/letters.md lists them).
LETTER_TITLE_WITH_PLAN = "关于落实《{title}》任务分工的通知"
LETTER_TITLE_PLAN_IS_DIVISION = "关于落实《{title}》的通知"  # title already ends with 分工…
LETTER_TITLE_NO_PLAN = "关于落实任务分工的通知"
LETTER_DIVISION_ENDINGS = ("分工", "分工方案", "分工表", "任务分工表", "分工安排")
LETTER_GROUP_TITLES = {ROLE_LEAD: "牵头落实的要求", ROLE_RESPONSIBLE: "负责落实的要求",
                       ROLE_ASSIST: "配合落实的要求"}
LETTER_OTHERS_PART = "{role}：{units}"
LETTER_OTHERS_SEPARATOR = "；"
LETTER_CONTACT = "联系人：{contact}"
LETTER_PHONE = "联系电话：{phone}"
LETTER_CONTACT_SEPARATOR = "，"
LETTER_DATE = "{y}年{m}月{d}日"
LETTER_CN_DIGITS = "〇一二三四五六七八九十"
LETTER_SUB_NUMBER = "（{n}）"

# Text of the default template (templates/letter.docx, made by
# `python -m xltools.documents.letter_template`); staff change it in Word.
TPL_STYLE_TABLE_TEXT = "表格文字"
TPL_STYLE_TABLE_HEADER = "表格标题行"
TPL_OPENING = ("为贯彻落实《{{ title }}》，确保各项任务落到实处，现将涉及你单位的"
               "{{ total }}项具体要求通知如下，请认真组织落实，按时报送进展情况。")
TPL_HEADING_OWN = "一、你单位承担的具体要求"
TPL_HEADING_GROUP = "{{ g.number }}{{ g.title }}（{{ g.count }}项）"
TPL_TABLE_HEADERS = ("编号", "任务", "具体要求", "其他单位", "完成时限")
TPL_HEADING_GENERAL = "{{ no.general }}、各相关部门按职能落实的要求（{{ general|length }}项）"
TPL_GENERAL_INTRO = "以下要求由各相关部门按职能分别落实，请你单位对照职能抓好落实。"
TPL_HEADING_FEEDBACK = "{{ no.feedback }}、反馈要求"
TPL_FEEDBACK = ("请{% if feedback_deadline %}于{{ feedback_deadline }}前{% else %}按要求{% endif %}"
                "将{% if round %}{{ round }}{% endif %}进度反馈表（{{ progress_file }}）填写完整后"
                "{% if delivery %}通过{{ delivery }}{% endif %}报送"
                "{% if issuer %}{{ issuer }}{% else %}我单位{% endif %}。"
                "反馈表按要求编号逐条填写，未完成的请说明原因和下一步措施。")
TPL_TEMPLATE_TITLE = "任务分工通知模板"
# Fonts of GB/T 9704-2012 and the fallback Word uses when one is not installed.
FONT_BODY = "仿宋_GB2312"
FONT_BODY_FALLBACK = "仿宋"
FONT_TITLE = "方正小标宋简体"
FONT_TITLE_FALLBACK = "宋体"
FONT_HEADING1 = "黑体"
FONT_HEADING2 = "楷体_GB2312"
FONT_HEADING2_FALLBACK = "楷体"
FONT_PAGE_NUMBER = "宋体"

# Messages.
MSG_LETTERS_WRITTEN = "已生成 {count} 份通知 → {path}"
MSG_LETTERS_COMBINED = "合并打印版 → {path}"
MSG_LETTERS_PDF = "已转换 {count} 个 PDF → {path}"
MSG_LETTERS_NO_UNITS = "“任务分工”表中没有任何单位，无法生成通知。请先填写单位。(no units on 任务分工)"
MSG_LETTERS_UNKNOWN_UNIT = ("单位“{unit}”不在“任务分工”表中（也不是别名）。可选单位：{known}。"
                            "(unknown unit)")
MSG_LETTERS_GENERIC_UNIT = ("“{unit}”是泛指，不单独发通知；其要求已写入每份通知的“各相关部门”部分。"
                            "(the generic pseudo-unit gets no letter of its own)")
MSG_LETTERS_NOT_FOLDER = "输出路径 {path} 不是文件夹。请给出一个文件夹。(output must be a folder)"
MSG_TEMPLATE_NOT_FOUND = "找不到模板：{path}。(template not found)"
MSG_TEMPLATE_NOT_DOCX = "模板 {path} 不是 Word 文档（.docx）：{reason}。请在 Word 中另存为 .docx。(template is not a .docx)"
MSG_TEMPLATE_SYNTAX = ("模板 {path} 中的标记 {tag} 有错误：{reason}。所在段落：“{text}”。"
                       "请在 Word 中修改该标记。(template tag error)")
MSG_TEMPLATE_UNDEFINED = ("模板 {path} 使用了未定义的变量“{name}”（标记 {tag}，所在段落：“{text}”）。"
                          "可用变量见 docs/letters.md（交办通知）和 docs/progress.md（通报、催办）。(undefined template variable)")
MSG_TEMPLATE_UNDEFINED_NOWHERE = ("模板 {path} 使用了未定义的变量“{name}”。可用变量见 docs/letters.md。"
                                  "(undefined template variable)")
MSG_TEMPLATE_SPLIT_TAG = ("模板 {path} 中的标记 {tag} 跨越了多个段落（标记中间有回车）。所在段落：“{text}”。"
                          "请把整个标记写在同一段内。(tag split across paragraphs)")
MSG_TEMPLATE_BROKEN_TAG = ("模板 {path} 中有不完整的标记“{tag}”，所在段落：“{text}”。"
                           "标记应写成 {{{{ 变量 }}}} 或 {{% 语句 %}}，括号须为英文半角且成对。(incomplete tag)")
MSG_TEMPLATE_FULLWIDTH = ("模板 {path} 中的标记“{tag}”使用了全角（中文输入法）括号或百分号，所在段落：“{text}”。"
                          "请切换到英文输入法重新输入。(full-width characters in tag)")
MSG_TEMPLATE_CURLY_QUOTES = "（标记中含有 Word 自动替换的弯引号 “ ” ‘ ’，请在 Word 中关闭“自动套用格式-直引号替换为弯引号”后改为直引号 \" '。）"
MSG_TEMPLATE_BAD_XML = ("模板 {path} 生成的文档结构无效（{reason}）。常见原因：{{%p …%}}、{{%tr …%}} 标记"
                        "没有单独成段/成行，或 if/for 与 endif/endfor 不在同一层级。{where}(template produces invalid XML)")
# {during} of MSG_TEMPLATE_RENDER / MSG_TEMPLATE_UNSAFE: one document of a batch, or the only one.
TEMPLATE_DURING_UNIT = "为“{unit}”生成文档"
TEMPLATE_DURING = "生成文档"
MSG_TEMPLATE_RENDER = ("模板 {path} 在{during}时出错：{reason}。{where}(template error while rendering)")
MSG_TEMPLATE_WHERE = "相关标记：{tag}，所在段落：“{text}”。"
MSG_TEMPLATE_NEAR = "出错位置附近的文字：“{text}”。"
MSG_TEMPLATE_CROSSES_TABLE = ("模板 {path} 中的标记 {tag}（所在段落：“{text}”）与对应的 {end}"
                              "（所在段落：“{end_text}”）不在同一个表格单元格内（{{%tr%}} 标记：不在同一个表格内），"
                              "生成的文档会损坏。请把这一对标记放在同一单元格，或都放在表格外。"
                              "(block crosses a table boundary)")
MSG_PDF_NO_LIBREOFFICE = ("未找到 LibreOffice（soffice），无法转换 PDF，未生成任何文件。"
                          "请安装 LibreOffice（https://zh-cn.libreoffice.org）后重试，"
                          "或去掉 --pdf 只生成 Word 文档（可在 Word 中另存为 PDF）。"
                          "(LibreOffice not found; install it or drop --pdf)")
LETTERS_COMBINED_FILE = "全部通知（合并打印）"
LETTERS_DEMO_DIR = "交办通知"  # sub-folder of `xltools demo` output
MSG_PDF_FAILED = "LibreOffice 转换 PDF 失败：{reason}。Word 文档已生成。(PDF conversion failed)"

# ------------------------------------------------------------ progress
# (issue 5 adds its strings here)
# Split: one progress file per unit, named by PROGRESS_FILE_PATTERN (letters section).
PROGRESS_SHEET = "进度反馈"
PROGRESS_ID_SHEET = "_xltools"  # hidden identity sheet of a progress file
PROGRESS_TITLE = "{title}进度反馈表"
PROGRESS_TITLE_DEFAULT = "任务分工进度反馈表"
PROGRESS_UNIT_LABEL = "填报单位："
PROGRESS_ROUND_LABEL = "轮次："
PROGRESS_DEADLINE_LABEL = "反馈截止："
PROGRESS_FILLED_DATE_LABEL = "填报日期："
PROGRESS_FILLER_LABEL = "填报人："
PROGRESS_PHONE_LABEL = "联系电话："
PROGRESS_INSTRUCTIONS = (
    "填写说明：只填写右侧浅黄色的“状态、进展情况、完成时间、存在问题、下步计划”各列，"
    "左侧灰色各列为任务内容，请勿修改、删除或调整行序；状态请从下拉列表选择；完成时间请写日期（如 2019-06-30）；"
    "填好后填写“填报日期”，保存为 .xlsx 原样发回（文件可改名）。如有上一轮反馈，已预先填入，只需更新变化部分。")
PROGRESS_STATUS_ERROR = "请从下拉列表选择状态：{allowed}。"
PROGRESS_DATE_ERROR = "请填写日期，如 2019-06-30。"
PROGRESS_LOCKED_COLUMNS = ("要求编号", "目标", "任务", "具体要求", "角色", "完成时限")
PCOL_STATUS = "状态"
PCOL_PROGRESS = "进展情况"
PCOL_DONE_DATE = "完成时间"
PCOL_ISSUES = "存在问题"
PCOL_NEXT = "下步计划"
PROGRESS_FILL_COLUMNS = (PCOL_STATUS, PCOL_PROGRESS, PCOL_DONE_DATE, PCOL_ISSUES, PCOL_NEXT)
# Header words a unit may have typed instead (column meaning from words, not position).
PROGRESS_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "要求编号": ("要求编号", "编号", "序号"),
    "目标": ("目标",),
    "任务": ("任务",),
    "具体要求": ("具体要求", "有关要求", "要求"),
    "角色": ("角色",),
    "完成时限": ("完成时限", "时限"),
    PCOL_STATUS: ("状态", "完成状态", "进度状态", "推进状态", "完成情况"),
    PCOL_PROGRESS: ("进展情况", "工作进展", "进展", "推进情况", "落实情况", "工作进展情况"),
    PCOL_DONE_DATE: ("完成时间", "完成日期", "实际完成时间"),
    PCOL_ISSUES: ("存在问题", "问题", "存在的问题", "困难问题"),
    PCOL_NEXT: ("下步计划", "下一步计划", "下步打算", "下一步工作", "下步工作计划"),
}
STATUS_NOT_STARTED = "未启动"
STATUS_IN_PROGRESS = "推进中"
STATUS_DONE = "已完成"
STATUS_ONGOING = "长期推进"
DEFAULT_STATUSES = (STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_DONE, STATUS_ONGOING)
# Free-text status → allowed status ("" = ambiguous: kept and flagged).
# Matched as whole text first, then as the longest phrase inside the text.
STATUS_SYNONYMS: dict[str, str] = {
    "完成": STATUS_DONE, "已完成": STATUS_DONE, "全部完成": STATUS_DONE, "已全部完成": STATUS_DONE,
    "完成了": STATUS_DONE, "办结": STATUS_DONE, "已办结": STATUS_DONE, "已落实": STATUS_DONE,
    "落实完毕": STATUS_DONE, "已完毕": STATUS_DONE, "完毕": STATUS_DONE, "结束": STATUS_DONE,
    "已结束": STATUS_DONE, "按期完成": STATUS_DONE, "提前完成": STATUS_DONE, "已完结": STATUS_DONE,
    "推进中": STATUS_IN_PROGRESS, "进行中": STATUS_IN_PROGRESS, "正在进行": STATUS_IN_PROGRESS,
    "正在推进": STATUS_IN_PROGRESS, "在推进": STATUS_IN_PROGRESS, "推进": STATUS_IN_PROGRESS,
    "正在办理": STATUS_IN_PROGRESS, "办理中": STATUS_IN_PROGRESS, "实施中": STATUS_IN_PROGRESS,
    "落实中": STATUS_IN_PROGRESS, "已启动": STATUS_IN_PROGRESS, "部分完成": STATUS_IN_PROGRESS,
    "基本完成": STATUS_IN_PROGRESS, "进展顺利": STATUS_IN_PROGRESS, "有序推进": STATUS_IN_PROGRESS,
    "未启动": STATUS_NOT_STARTED, "未开始": STATUS_NOT_STARTED, "尚未启动": STATUS_NOT_STARTED,
    "尚未开始": STATUS_NOT_STARTED, "没有开始": STATUS_NOT_STARTED, "未开展": STATUS_NOT_STARTED,
    "尚未开展": STATUS_NOT_STARTED, "待启动": STATUS_NOT_STARTED, "暂未启动": STATUS_NOT_STARTED,
    "长期推进": STATUS_ONGOING, "持续推进": STATUS_ONGOING, "长期坚持": STATUS_ONGOING,
    "常态化推进": STATUS_ONGOING, "常态化": STATUS_ONGOING, "持续开展": STATUS_ONGOING,
    "长期": STATUS_ONGOING, "持续": STATUS_ONGOING,
    "未完成": "", "没完成": "", "尚未完成": "",
}
FEEDBACK_RETURNED = "已反馈"
FEEDBACK_LATE = "逾期反馈"
FEEDBACK_MISSING = "未反馈"
FEEDBACK_EMPTY = "未填写"
FEEDBACK_ROW_MISSING = "缺行"

# Roll-up sheets.
SHEET_PROGRESS = "进度"
SHEET_SUMMARY = "汇总"
SHEET_ISSUES = "问题"
SHEET_HISTORY = "历史"
RCOL_UNIT = "单位"
RCOL_ROLE = "角色"
RCOL_FEEDBACK = "反馈状态"
RCOL_SOURCE_FILE = "来源文件"
RCOL_GOAL = "目标"
RCOL_TASK = "任务"
RCOL_REQUIREMENT = "具体要求"
RCOL_DEADLINE = "完成时限"
RCOL_OVERDUE_FLAG = "是否逾期"
YES = "是"
SUM_TITLE = "{title}进度汇总"
SCOL_NO = "序号"
SCOL_UNIT = "单位"
SCOL_GOAL = "目标"
SCOL_DUE = "应报"
SCOL_REPORTED = "已报"
SCOL_OVERDUE = "逾期"
SCOL_RATE = "完成率"
SCOL_MARK = "标识"
SCOL_STATUS = "状态"
SCOL_COUNT = "数量"
SCOL_LEAD_UNITS = "牵头单位"
MARK_RED = "红"
MARK_YELLOW = "黄"
MARK_GREEN = "绿"
CHART_STATUS_TITLE = "状态分布"
HCOL_ROUND = "轮次"
HCOL_AS_OF = "截至日期"

# 问题 sheet.
ICOL_NO = "序号"
ICOL_FILE = "文件"
ICOL_SHEET = "工作表"
ICOL_ROW = "行号"
ICOL_UNIT = "单位"
ICOL_REQ_ID = "要求编号"
ICOL_KIND = "类型"
ICOL_REASON = "原因"
ICOL_HANDLING = "处理"
ICOL_ORIGINAL = "原始内容"
ISSUE_COLUMNS = (ICOL_NO, ICOL_FILE, ICOL_SHEET, ICOL_ROW, ICOL_UNIT, ICOL_REQ_ID, ICOL_KIND,
                 ICOL_REASON, ICOL_HANDLING, ICOL_ORIGINAL)
HANDLED_USED = "已采用"
HANDLED_SKIPPED = "未采用"
HANDLED_NOTE = "仅提示"
ISSUE_OTHER_FILE = "非表格文件"
ISSUE_UNREADABLE = "无法读取"
ISSUE_TOO_LARGE = "文件过大"
ISSUE_EMPTY = "空文件"
ISSUE_NO_TABLE = "未找到表格"
ISSUE_NO_UNIT = "无法识别单位"
ISSUE_UNKNOWN_UNIT = "单位不在分工中"
ISSUE_OTHER_PLAN = "非本方案文件"
ISSUE_PLAN_CHANGED = "方案已修改"
ISSUE_DUPLICATE_FILE = "重复反馈"
ISSUE_EXTRA_SHEET = "多余工作表"
ISSUE_EXTRA_COLUMN = "多余列"
ISSUE_MISSING_COLUMN = "缺少列"
ISSUE_ADDED_ROW = "新增行"
ISSUE_UNKNOWN_ID = "要求编号未知"
ISSUE_NOT_ASSIGNED = "非本单位要求"
ISSUE_DUPLICATE_ROW = "重复行"
ISSUE_LOCKED_CHANGED = "任务内容被修改"
ISSUE_STATUS_MAPPED = "状态为自由文字"
ISSUE_STATUS_UNKNOWN = "状态无法识别"
ISSUE_BAD_DATE = "完成时间不是日期"
ISSUE_ROW_MISSING = "缺少行"
ISSUE_ROUND_DIFFERS = "轮次不同"
ISSUE_LATE = "逾期反馈"
MSG_ISSUE_OTHER_FILE = "不是 Excel 文件（支持 .xlsx .xlsm .xls .et），未读取。"
MSG_ISSUE_UNREADABLE = "文件无法读取：{reason}。请让单位另存为 .xlsx 后重发。"
MSG_ISSUE_TOO_LARGE = "文件过大或压缩比异常（{detail}），为安全起见未读取。"
MSG_ISSUE_EMPTY = "文件中没有内容。"
MSG_ISSUE_NO_TABLE = "没有找到含“要求编号”和“状态”等列名的表头，{rows} 行内容未读取。"
MSG_ISSUE_NO_UNIT = "文件中没有填报单位（隐藏标识表和“填报单位：”均缺失），无法对应到单位。"
MSG_ISSUE_UNKNOWN_UNIT = "填报单位“{unit}”不在任务分工中。"
MSG_ISSUE_OTHER_PLAN = "文件属于另一份任务分工（标识不符，要求编号与任务内容大多对不上）。"
MSG_ISSUE_PLAN_CHANGED = "下发后任务分工有修改（标识不同），按要求编号对应读取。"
MSG_ISSUE_DUPLICATE_USED = "单位“{unit}”有多份反馈，采用较新的此文件（{when}）；另见 {others}。"
MSG_ISSUE_DUPLICATE_SKIPPED = "单位“{unit}”有多份反馈，此文件较旧（{when}），未采用；采用 {newer}。"
MSG_ISSUE_DUPLICATE_ROW = "单位“{unit}”的文件 {newer} 较新，此文件的这一行未采用。"
MSG_ISSUE_EXTRA_SHEET = "工作表“{sheet}”不是进度表，其中 {rows} 行未读取。"
MSG_ISSUE_EXTRA_COLUMN = "列“{column}”不是进度表的列，内容未汇总。"
MSG_ISSUE_MISSING_COLUMN = "缺少列“{column}”，该项按空白处理。"
MSG_ISSUE_ADDED_ROW = "单位自行添加的行（没有要求编号），未汇总。"
MSG_ISSUE_UNKNOWN_ID = "要求编号“{req_id}”不在任务分工中，未汇总。"
MSG_ISSUE_NOT_ASSIGNED = "要求 {req_id} 没有分给“{unit}”，未汇总。"
MSG_ISSUE_DUPLICATE_ID = "要求 {req_id} 在文件中重复出现（第 {first_row} 行已采用），此行未汇总。"
MSG_ISSUE_LOCKED_CHANGED = "任务内容（{columns}）与下发时不同，进展仍按要求编号汇总。"
MSG_ISSUE_STATUS_MAPPED = "状态“{value}”按“{status}”汇总。"
MSG_ISSUE_STATUS_UNKNOWN = "状态“{value}”无法对应到 {allowed} 之一，原样保留。"
MSG_ISSUE_BAD_DATE = "完成时间“{value}”不是日期，原样保留。"
MSG_ISSUE_ROW_MISSING = "文件中缺少要求 {req_id} 的行，按未填写处理。"
MSG_ISSUE_ROUND_DIFFERS = "文件是“{found}”轮次下发的，按本轮“{round}”汇总。"
MSG_ISSUE_LATE = "反馈日期 {when} 晚于截止日期 {deadline}。"

# Messages.
MSG_SPLIT_DONE = "已生成 {count} 份进度反馈表（轮次 {round}）→ {path}"
MSG_SPLIT_PREFILLED = "其中 {rows} 行已预填上一轮反馈。"
MSG_SPLIT_NO_UNITS = "任务分工中没有单位，无法拆分。(no units on 任务分工)"
MSG_ROLLUP_MISSING_UNITS = "未反馈：{units}"
MSG_NOT_A_FOLDER = "{path} 不是文件夹。请给出存放反馈文件的文件夹。(not a folder)"
MSG_MASTER_NOT_XLSX = ("{path} 不是 .xlsx 工作簿（可能是旧版 .xls 或其他格式）。汇总结果是主表的副本，"
                       "请在 Excel/WPS 中把主表另存为 .xlsx 后再汇总。(the master must be an .xlsx workbook)")
MSG_BAD_DATE_ARG = "日期“{value}”无效，请写成 2019-06-30。(invalid date)"
MSG_ROUND_DEFAULT = "{date}"
# `xltools demo`: folders and files of the progress step, the round of the bundled returns.
PROGRESS_DEMO_SPLIT_DIR = "进度反馈表-下发"
PROGRESS_DEMO_RETURNED_DIR = "进度反馈表-收回"
PROGRESS_DEMO_ROLLUP = "进度汇总.xlsx"
PROGRESS_DEMO_ROUND = "2019年第一季度"
PROGRESS_DEMO_REPORT = "进展情况通报.docx"
PROGRESS_DEMO_REMIND_DIR = "催办通知"
PROGRESS_DEMO_REMIND_DAYS = 6  # the demo's new deadline: as-of + 6 days
MSG_DEMO_RETURNED = "已放入 {count} 个示例反馈文件（逾期、改名、.xls、自由文字状态等）→ {path}"

# -- progress tracking that tells the truth (issue 13)
# Optional columns of the progress sheet: a unit asks for more time on a requirement.
PCOL_EXTEND_TO = "申请延期至"
PCOL_EXTEND_REASON = "延期理由"
PROGRESS_EXTENSION_COLUMNS = (PCOL_EXTEND_TO, PCOL_EXTEND_REASON)
PROGRESS_EXTENSION_ALIASES: dict[str, tuple[str, ...]] = {
    PCOL_EXTEND_TO: ("申请延期至", "申请延期", "延期至", "拟完成时间"),
    PCOL_EXTEND_REASON: ("延期理由", "延期原因", "申请延期理由"),
}
PROGRESS_EXTENSION_NOTE = ("如需延期，请在最右两列填写“申请延期至”（日期）和“延期理由”；"
                           "“填报人”“联系电话”请填写本单位联系人，便于核实。")
# Unit-level feedback on 汇总 (反馈状态 of a unit).
FEEDBACK_BLANK = "空表"
FEEDBACK_OVERDUE = "逾期未报"
FEEDBACK_BLANK_OVERDUE = "逾期未报（空表）"
FEEDBACK_PARTIAL = "部分反馈"
# Row-level reasons behind a 标识 (进度 → 标识说明), also used by the 通报 and 催办.
WHY_OVERDUE = "已过完成时限未完成"
WHY_NOT_REPORTED = "逾期未报"
WHY_NOT_YET = "尚未反馈"
WHY_DUE_SOON = "7 天内到期"
WHY_BEHIND = "落后于序时进度"
WHY_PARTIAL = "部分单位未反馈"
RCOL_MARK = "标识"
RCOL_WHY = "标识说明"
RCOL_EXTEND_TO = PCOL_EXTEND_TO
RCOL_EXTEND_REASON = PCOL_EXTEND_REASON
SUM_SUBTITLE_TRUE = ("轮次：{round}　截至：{as_of}　反馈截止：{deadline}　序时进度：{schedule}　"
                     "应报单位 {units} 个，已反馈 {returned} 个，逾期未报 {overdue} 个（其中空表 {blank} 个），"
                     "红 {red} 个、黄 {yellow} 个、绿 {green} 个")
SUM_SECTIONS = ("一、按单位（问题最多的在前）", "二、按目标", "三、状态分布")
SUM_RED_REQUIREMENTS = ("四、需督办的要求（以牵头单位状态为准）：红 {red} 项、黄 {yellow} 项、绿 {green} 项；"
                        "此处列出红色的前 {shown} 项，全部要求见“按要求”工作表")
SUM_CHART_DATA = "五、各单位完成率与序时进度（图表数据）"
SHEET_BY_REQUIREMENT = "按要求"
SCOL_SCHEDULE = "序时进度"
SCOL_WHY = "原因"
CHART_RATE_SCHEDULE_TITLE = "各单位完成率（按完成率排序，折线为序时进度）"
SHEET_EXTENSIONS = "延期申请"
EXTENSION_COLUMNS = ("序号", "单位", "要求编号", "具体要求", "原完成时限", "申请延期至", "延期理由",
                     "填报人", "联系电话", "来源文件")
ROLLUP_INFO_SHEET = "_xltools_rollup"  # hidden key/value sheet the 通报 and 催办 read
MSG_ROLLUP_TRUE = ("已汇总：读取 {files} 个文件、{rows_read} 行，采用 {rows_used} 行，"
                   "{rows_reported} 行列入“问题”；{returned}/{units} 个单位已反馈，逾期未报 {overdue} 个。→ {path}")
MSG_ROLLUP_OVERDUE_UNITS = "逾期未报：{units}"
MSG_ROLLUP_SUMMARY_ONLY = "（仅汇总表，未附主表）"
# RollupResult.to_frame(sheet): the tables that have one header row (汇总 is a page of tables).
MSG_NO_FRAME = "汇总结果中没有可转为表格的“{sheet}”工作表；可选：{sheets}。(no such table in the roll-up)"
MSG_NOT_A_ROLLUP = ("{path} 不是汇总结果（缺少“{sheet}”工作表）。请先用“汇总进度”（xltools rollup）"
                    "生成汇总工作簿。(not a roll-up workbook)")
MSG_ROLLUP_TOO_OLD = ("{path} 是旧版本生成的汇总结果（缺少汇总信息）。请重新汇总后再生成。"
                      "(roll-up written by an older version; roll up again)")
# Returned folders: everything met is read or listed (issue 11, item 4).
ISSUE_HIDDEN_FILE = "隐藏文件"
ISSUE_LOCK_FILE = "锁定文件"
ISSUE_UNREADABLE_FOLDER = "文件夹无法读取"
ISSUE_ENCRYPTED = "文件有密码"
ISSUE_IDENTITY_CONFLICT = "单位标识冲突"
ISSUE_OUTSIDE_TABLE = "表外内容"
MSG_ISSUE_HIDDEN_FILE = "文件名以“.”开头（隐藏文件），已照常读取，请确认是否为有效反馈。"
MSG_ISSUE_LOCK_FILE = "Office/WPS 打开文件时生成的锁定文件（{size} 字节，内容为用户名），不是反馈，未读取。"
MSG_ISSUE_UNREADABLE_FOLDER = "子文件夹无法打开（{reason}），其中的文件未读取。"
MSG_ISSUE_ENCRYPTED = "文件有密码保护，请让单位取消密码后另存再发回。"
MSG_ISSUE_IDENTITY_CONFLICT = ("隐藏标识中的单位“{hidden}”与表中填报单位“{visible}”不一致，"
                               "按表中填报单位汇总，请核实。")
MSG_ISSUE_OUTSIDE_TABLE = "表格之外的内容（{where}），未汇总，请核实。"
MSG_WHERE_ABOVE = "表头上方"
MSG_WHERE_UNHEADED = "没有列名的第 {column} 列"
MSG_RETURNED_FOLDER_UNREADABLE = "反馈文件夹 {path} 无法读取：{reason}。(cannot read the folder)"
# 通报 (report) and 催办 (remind).
REPORT_TITLE = "关于{title}落实情况的通报"
REPORT_TITLE_DEFAULT = "关于任务分工落实情况的通报"
REPORT_FILE = "进展情况通报.docx"
REMIND_TITLE = "催办通知"
REMIND_FILE_PATTERN = "催办通知-{unit}.docx"
REPORT_HEADINGS = ("一、总体情况", "二、各目标进展", "三、逾期未报单位", "四、需督办的事项", "五、延期申请",
                   "六、下步要求")
REPORT_GOAL_HEADERS = ("序号", "目标", "要求数", "单位任务（项次）", "已完成", "完成率", "进展")
REPORT_RED_HEADERS = ("责任单位", "需督办的要求（编号）", "项数", "主要原因")
REPORT_EXT_HEADERS = ("单位", "编号", "申请延期至", "理由")
REMIND_HEADERS = ("编号", "具体要求", "完成时限", "需报送事项")
OWE_REPORT = "未报送进展"
OWE_BLANK = "未填写进展"
OWE_ROW_MISSING = "反馈表中缺少此行"
OWE_OVERDUE = "已过完成时限未完成，请说明原因和完成时间"
MSG_REPORT_DONE = "已生成通报：逾期未报 {late} 个单位，标识为红的要求 {red} 项。→ {path}"
MSG_REMIND_DONE = "已生成 {count} 份催办通知（新的截止日期 {deadline}）→ {path}"
MSG_REMIND_NONE = "没有需要催办的单位：各单位均已按要求反馈。"
MSG_REMIND_DEADLINE = "请给出新的报送截止日期（--deadline YYYY-MM-DD）。(a new deadline is needed)"
MSG_CHART_NO_MATPLOTLIB = ("生成通报中的图表需要 matplotlib（pip install matplotlib）。"
                           "(matplotlib is needed for the chart)")
CHART_FONTS = ("SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Noto Sans CJK SC",
               "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "SimSun")
CHART_RATE_AXIS = "完成率"
CHART_SCHEDULE_LABEL = "序时进度 {schedule}"
# The default 通报 / 催办 templates (templates/report.docx, templates/remind.docx;
# docxtpl tags, rendered in a sandbox; variables in docs/progress.md).
TPL_REPORT_TEMPLATE_TITLE = "进展情况通报模板"
TPL_REMIND_TEMPLATE_TITLE = "催办通知模板"
TPL_REPORT_OPENING = "现将{{ round }}《{{ plan_title }}》落实情况{% if leaders %}报告{% else %}通报{% endif %}如下。"
TPL_REPORT_OVERALL = ("截至{{ as_of }}，{{ units }}个责任单位应报送进展情况，已反馈{{ returned }}个，"
                      "逾期未报{{ overdue }}个（其中交回空表{{ blank }}个）。{{ requirements }}项要求、"
                      "{{ lines }}项（次）单位任务中已完成{{ done }}项（次），完成率{{ rate }}，"
                      "序时进度{{ schedule }}。从各单位看，正常推进{{ green }}个、需关注{{ yellow }}个、"
                      "进展滞后{{ red }}个。{% if good_units %}{{ good_units }}按时报送、推进有力。{% endif %}")
TPL_REPORT_CHART_CAPTION = "图  各单位完成率（柱）与序时进度（线）"
TPL_REPORT_GOALS_INTRO = "各目标完成情况如下表。"
TPL_REPORT_OVERDUE = ("截至{{ as_of }}（反馈截止日期{{ deadline }}），以下{{ overdue }}个单位仍未报送进展情况"
                      "{% if blank %}（含交回空表的{{ blank_units }}）{% endif %}：{{ overdue_units }}。")
TPL_REPORT_NO_OVERDUE = "各单位均已按时报送。"
TPL_REPORT_RED = ("进展滞后的要求共{{ red_count }}项，涉及{{ red_units|length }}个单位，需重点督办"
                  "（按单位列出，项数多的在前）：")
TPL_REPORT_NO_RED = "没有进展滞后的要求。"
TPL_REPORT_NO_EXTENSIONS = "本轮没有延期申请。"
TPL_REPORT_NEXT = ("请逾期未报的单位尽快补报进展情况；进展滞后的事项，责任单位要分析原因，明确措施和完成时间，"
                   "牵头单位要加强统筹调度，确保按期完成。下一轮进展情况将继续通报。")
TPL_REMIND_OPENING = ("按照《{{ plan_title }}》要求，各责任单位应于{{ old_deadline }}前报送{{ round }}"
                      "工作进展情况。截至{{ as_of }}，你单位{{ situation }}。")
TPL_REMIND_ASK = "请于{{ deadline }}前将下列{{ count }}项工作的进展情况报送{{ issuer_short }}："
TPL_REMIND_ASK_ALL = ("你单位承担的{{ count }}项工作均未报送进展情况（要求编号{{ first_id }}至{{ last_id }}，"
                      "见原下发的进度反馈表）。请于{{ deadline }}前逐项填写后报送{{ issuer_short }}。")
TPL_REMIND_ASK_GROUPS = "请于{{ deadline }}前将下列{{ count }}项工作的情况报送{{ issuer_short }}："
TPL_REMIND_GROUP = "{{ loop.index }}．{{ g.owe }}（{{ g.count }}项）：{{ g.ids }}。"
TPL_REMIND_FIRM = "逾期仍未报送的，将予以通报。"
TPL_REMIND_HOW = ("请在原下发的进度反馈表中填写后发回（文件可改名）{% if progress_file %}，文件名："
                  "{{ progress_file }}{% endif %}。")
REMIND_SITUATION_SILENT = "尚未报送进展情况"
REMIND_SITUATION_BLANK = "交回的进度反馈表未填写内容"
REMIND_SITUATION_PARTIAL = "有{count}项工作未反馈进展"
REMIND_SITUATION_OVERDUE = "有{count}项工作已过完成时限仍未完成"
REMIND_SITUATION_JOIN = "，"
REMIND_ISSUER_DEFAULT = "我单位"
CONTACT_LINE = "联系人：{contact}{phone}"
CONTACT_PHONE = "，联系电话：{phone}"

# ---------------------------------------------------------- other readers / export
# (issue 3 adds its strings here)
# Formats and messages of the readers.
MSG_NEEDS_LIBREOFFICE = ("{path} 是 {kind} 文件，读取它需要安装 LibreOffice（soffice）；"
                         "也可在 WPS/Office 中另存为 .docx 或 .xlsx 后再导入。"
                         "(LibreOffice is needed to read .doc/.wps/.et; install it or save as .docx/.xlsx)")
FORMAT_KINDS = {"doc": "Word 97-2003 / WPS 文字 (.doc/.wps)", "rtf": "RTF",
                "odt": "OpenDocument 文本 (.odt)", "xls": "Excel 97-2003 / WPS 表格 (.xls/.et)",
                "ods": "OpenDocument 表格 (.ods)"}
MSG_NEEDS_PDFTOTEXT = "{path} 是 PDF 文件，读取它需要 pdftotext（poppler-utils）。(pdftotext is needed to read PDF)"
MSG_PDF_TABLE = ("{path} 是 PDF 文件，其中没有找到带框线的任务分工表，也没有带责任单位的编号条目；"
                 "没有框线的表格无法从 PDF 可靠还原，请使用原 Word/Excel 文件或网页。"
                 "(no ruled task table and no numbered items in the PDF; use the original Word/Excel file)")
# PDF tables (xltools/importing/readers/pdf.py).
MSG_BAD_PDF = "{path} 无法按 PDF 读取：{reason}。文件是否损坏或加密？(cannot read the PDF)"
# OFD documents (xltools/importing/readers/ofd.py).
MSG_BAD_OFD = "{path} 无法按 OFD（GB/T 33190 电子公文）读取：{reason}。文件是否损坏？(cannot read the OFD file)"
OFD_MISSING_PART = "缺少部件 {part}"
OFD_NO_PAGES = "文档中没有页面"
MSG_OFD_TABLE = ("{path} 是 OFD 文件，其中没有找到带框线的任务分工表，也没有带责任单位的编号条目"
                 "（例如只是公文正文、发票或批复）。请导入附件中的任务分工表，或使用原 Word/Excel 文件。"
                 "(no ruled task table and no numbered items with units in the OFD file)")
# Scans and photos read by OCR (xltools/importing/readers/ocr.py).
MSG_OCR_MISSING = ("{path} 是{what}，需要文字识别（OCR）组件才能读取，当前没有安装。"
                   "请在命令行运行：pip install \"xltools[ocr]\"（离线安装：把 rapidocr、onnxruntime、"
                   "opencv-python-headless、numpy 的安装包一并拷入后用 pip install --no-index --find-links 目录 安装），"
                   "然后再导入；也可以向发文单位索取 Word/Excel 原件。"
                   "(OCR is not installed: pip install \"xltools[ocr]\")")
MSG_IMAGE_TABLE = ("{path} 是图片，文字识别后没有找到任务分工表（带框线、有“序号/任务/责任单位”等表头的表格），"
                   "也没有带责任单位的编号条目。表格从第二页起没有表头时，请把各页图片按顺序合成一个 PDF 或多页 TIFF "
                   "一起导入。(no task table found in the image)")
OCR_WHAT_SCAN = "扫描的 PDF（页面是图片，没有文字层）"
OCR_WHAT_IMAGE = "图片"
MSG_IMAGE_TOO_LARGE = ("{path} 是 {width}×{height} 像素的图片，超过一页扫描件的正常大小（6000 万像素），"
                       "为防止内存耗尽没有读取。请以 150–300 dpi 重新扫描或缩小后再导入。(image too large)")
MSG_BAD_IMAGE = "{path} 无法按图片读取：{reason}。文件是否损坏？(cannot read the image)"
MSG_OCR_NOTHING = ("{path}：文字识别没有在图片中找到文字（第 {page} 页）。请确认图片清晰、方向正确，"
                   "扫描分辨率 150–300 dpi。(OCR found no text)")
MSG_OCR_FAILED = "{path}：文字识别组件运行出错（{reason}）。请重新安装：pip install \"xltools[ocr]\"。(OCR failed)"
NOTE_OCR_PAGES_SKIPPED = ("第 {pages} 页是图片（没有文字层），未安装文字识别组件，没有读取："
                          "pip install \"xltools[ocr]\" 后重新导入。")
REVIEW_OCR = "文字识别"
NOTE_OCR_DOUBT = "第 {page} 页{where}识别不确定（置信度 {conf:.0%}），请对照原件核对：{text}"
OCR_WHERE_CELL = "表格第 {row} 行第 {col} 列"
OCR_WHERE_TEXT = "表格外的文字（距页顶 {top:.0f} mm）"
NOTE_OCR_UNIT_FIXED = "第 {page} 页识别出的单位名称“{read}”与文中的“{name}”只差一个字，已改为“{name}”，请核对原件。"
NOTE_OCR_UNITS_SPLIT = ("第 {page} 页识别出的“{read}”是两个单位名称连在一起（原件中的顿号未识别出），"
                        "已分为“{left}”和“{right}”，请核对原件。")
NOTE_OCR_SPECK = ("第 {page} 页距左 {x:.0f} mm、距顶 {y:.0f} mm 处识别出不确定的“{text}”（印章残迹或污点），"
                  "未读入，请核对原件。")
NOTE_OCR_ROTATED = "第 {page} 页是横放的，已顺时针旋转 {angle}° 后识别。"
NOTE_OCR_DESKEWED = "第 {page} 页扫描歪斜 {angle:.1f}°，已纠正后识别。"
NOTE_OCR_NO_RULES = "第 {page} 页没有找到表格框线，按文字行读取，请核对各列是否对齐。"
# A page number line of a PDF page ("- 3 -", "第 3 页 共 8 页", "3/8"): not content.
PDF_PAGE_NUMBER = r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|共)\s*\d{1,4}\s*页?)?[-—–\s]*$"
MSG_CONVERT_FAILED = "LibreOffice 无法转换 {path}：{reason}。请另存为 .docx 或 .xlsx 后再导入。(conversion failed)"
MSG_BAD_OFFICE_FILE = "{path} 无法按 {kind} 读取：{reason}。文件是否损坏或加密？(cannot read the file)"
MSG_NO_TABLE_IN_FILE = ("{path} 中没有找到任务分工表：表格需要一行包含“任务/要求/责任单位”等列名的表头，"
                        "正文需要带编号的条目和责任单位。(no task table found)")
MSG_NO_TABLE_SEEN = ("{path} 中没有找到任务分工表（no task table found）。看到的列名：{seen}。"
                     "请用 --header-line N 指定表头所在的行，或用 --columns 序号,任务,具体要求,责任单位,完成时限 "
                     "按顺序说明各列。")
MSG_NO_TABLE_NOTHING_SEEN = ("{path} 中没有找到任务分工表，也没有找到“任务/具体要求/责任单位”等列名"
                             "（no task table found）。如果它是表格，请用 --columns 序号,任务,具体要求,责任单位,完成时限 "
                             "按顺序说明各列，或另存为 Word/Excel 后再导入。")
SEEN_HEADER_WORD = "第{line}行“{word}”"
MSG_BAD_COLUMNS = "--columns 中的“{names}”不是可识别的列名。可用的列名如：{known}。"
COLUMN_HINT_WORDS = ("序号", "目标", "任务", "具体要求", "责任单位", "牵头单位", "配合单位", "完成时限",
                     "责任领导", "备注")
# Review notes written by the grid / prose readers (待核对).
NOTE_NESTED_LEVEL = "“{header}”一列分两级：“{item}”作为任务，其右的分项作为要求。"
NOTE_ROW_SHIFTED = "此行的单元格比表头少（合并单元格下的续行），已按“{columns}”列读取。"
NOTE_UNLABELLED_NUMBER = "表头没有“序号”列，但数据行首列是编号，已按“序号”读取。"
NOTE_COLUMN_GUESSED = "列名“{header}”按“{meaning}”列读取。"
NOTE_LOST_LINE = "表格范围内的这一行没有读入（或只读入了一部分），请核对是否漏读。"
NOTE_ITEM_NOT_READ = "编号条目“{number}”没有读作要求（没有找到它的责任单位，也不是其他条目的标题），请核对是否漏读。"
SET_SOURCE_LINES = "原文行数"
SOURCE_LINES_VALUE = "共 {total} 行：读入 {read} 行，略过 {skipped} 行（网页栏目、前言、落款等）"
NOTE_RUNNER_UP = "原文按“{chosen}”读取；按“{other}”读取的结果也较合理，请核对表格结构。"
READER_NAMES = {"csv": "逗号分隔表格", "csv_ragged": "逗号/制表符分隔、缺格的表格", "delimited": "竖线/制表符分隔表格", "stream": "每行一个单元格的表格",
                "text_table": "空格分隔表格", "space_rows": "每行一条、空格分隔的表格", "records": "逐项标注的记录（序号：…/责任单位：…）", "prose": "条目式正文",
                "box": "框线字符表格", "cell_order": "逐个单元格排列的 PDF 表格文字", "layout": "按位置对齐的PDF文本表格",
                "pipe_rows": "每行一个单元格、竖线行结束一行的表格",
                "wrapped_rows": "单元格并排折行的表格（按页面逐行复制的 PDF 表格）",
                "column_blocks": "按列分块排列的 PDF 表格文字（pdftotext 无参数）"}
NOTE_BOX_MISALIGNED = "框线表格中一列的 {count} 个单元格边界与各行不对齐，已按顺序对应到 {count} 组任务（标题行及其下的分项）。"
NOTE_BOX_MISALIGNED_LITERAL = "框线表格中一列的单元格边界与各行不对齐，按每行第一行所在的单元格读取。"
NOTE_BULLETS_SPLIT = "单元格中的 {count} 个分项（△、● 等）分别作为要求。"
NOTE_WRAPPED_PIECE = "此行各段接续哪一列的单元格不确定（另一种接法几乎同样合理），已按：{pieces}，请核对。"
NOTE_HEADER_WRAPPED = "表头列名跨行书写，已合并为：{words}。"
# pdftotext's cell-by-cell order (readers/cellorder.py): a cell placed by the order alone.
NOTE_CELL_BY_ORDER = "按单元格顺序归入“{header}”列，但内容不像该列：{text}。请核对。"
NOTE_ROWS_BY_ORDER = "表格没有序号列：各行的起止按单元格的顺序和内容推断，请核对。"
# Plain pdftotext's column blocks (readers/columnblocks.py): rows rebuilt from columns.
NOTE_COLUMN_BLOCKS = "表格文字按列分块排列（PDF 直接提取的文字）：已按各列单元格的顺序和内容重新拼成行，请核对。"
NOTE_COLUMN_BLOCKS_PLACED = "“{header}”列的单元格比行数少，“{text}”按文字位置放到最近的一行，请核对。"
NOTE_COLUMN_BLOCKS_CARRIED = "“{header}”列只有 {count} 个单元格（共 {rows} 行，视为合并单元格），已按文字位置放到最近的行并向下沿用，请核对。"
NOTE_ROW_UNDER_MERGED = "第 {number} 项下另起一行（左侧单元格视为合并）：{text}。请核对。"
# A number followed by one of these counts things (15 处, 2 万吨, 12 月), it numbers no row.
MEASURE_CHARS = "个家所处项座条台套名次户间万亿千百元吨米亩%"
NOTE_COLUMN_BY_CONTENT = "列“{header}”按内容判断为“{meaning}”列。"
NOTE_LAYOUT_PLACED = "“{text}”没有对齐到任何一列的位置（PDF 文本中被挤偏），按前后位置归入“{header}”列，请核对。"
NOTE_COLUMN_KEPT = "列“{header}”不是任务分工的列，其内容作为备注保留。"
# A 整改清单: the problem column is the requirement, the measure beside it its detail.
NOTE_PROBLEM_DETAIL = "整改清单：“{problem}”列读作具体要求，“{header}”列作为其说明保留在备注（导出原表时仍为单独一列）。"
NOTE_SECTION_ROW = "表格中的通栏行“{text}”视为目标。"
NOTE_HEADING_GOAL = "表格前的标题“{text}”视为其后各行的目标。"
NOTE_GROUP_UNITS_GOAL = "此组只有编号和单位、没有标题，目标按其单位“{text}”命名。"
NOTE_TABLE_CONTINUED = "第 {n} 个表格没有表头，列数与上一个表格相同，视为续表。"
NOTE_TABLE_DROPPED = "第 {n} 个表格（{rows} 行）没有表头，列数也与任务分工表不同，未读入，请核对。"
NOTE_TRADITIONAL = "原文为繁体字，已转换为简体（原文见“原文”列）。"
NOTE_PINYIN_REMOVED = "已删除网页镜像加注的拼音：{glosses}。"
NOTE_GROUP_UNITS = "“{units}”写在一组条目之后，视为这 {count} 条共同的责任单位。"
NOTE_BRACKET_ROLE_RUN = "“{unit}”没有括注角色，与其后括注角色的“{mark}”同视为{role}单位。"
NOTE_KEYED_UNITS = "“{units}”写在一组条目之后，按单位后括注的条目编号分给各条（本条：{own}）。"
NOTE_PARENT_UNITS = "责任单位写在上级条目“{task}”中，视为其下各条共同的责任单位。"
NOTE_TITLE_SPLIT = "条目的首句“{title}”视为任务名称，其后为具体要求。"
NOTE_UNITS_PAREN = "句末括号“{text}”视为责任单位。"
NOTE_GROUP_HEADING_UNITS = "责任单位在小标题“{heading}”中写明一次（{units}），用于其下各条。"
NOTE_NO_HEADER_GUESSED = "表格没有表头行，各列按内容判断为 序号、任务、具体要求、责任单位、完成时限，请核对；也可用 --columns 说明各列。"
NOTE_UNITS_BY_FORM = "没有标明责任单位，“{text}”按单位名称的写法读作责任单位，请核对。"
NOTE_UNITS_FROM_VERB = "没有标明责任单位，按文中“{text}”读出，请核对。"
# Role verbs that name the units of an item in running text: 由X负责, 由X牵头.
VERB_ROLE_WORDS = ("牵头", "主办", "负责", "落实", "承担", "承办", "配合", "协助", "组织实施", "督促")
NOTE_UNITS_DEADLINE = "责任单位中的“{text}”视为完成时限。"
NOTE_PAREN_DEADLINE = "括号中的“{text}”视为完成时限。"
NOTE_ROLE_DEADLINE = "分工之后的“{text}”视为完成时限。"
NOTE_DOCUMENT_DEADLINE = "正文统一要求的“{text}”作为 {count} 条未写时限的要求的完成时限，请核对适用范围。"
# A line "X：" right before the first item names the list (存在问题：) unless it is one of these.
LIST_HEADING_STOP_WORDS = ("附件", "如下", "通知", "附表", "说明", "备注", "联系")
NOTE_REQUIREMENTS_SPLIT = "一个单元格中有 {count} 条编号的要求，已分为 {count} 条。"
# Words that title a whole section rather than a goal (二、主要任务).
SECTION_WORDS = ("主要任务", "重点任务", "工作任务", "具体任务", "任务分工", "主要措施", "重点工作",
                 "工作措施", "具体措施", "任务清单", "责任分工", "工作重点")
# A section heading by its grammar: a generic modifier (or none) before a head noun that
# names a part of the document, not its content (职责分工, 主要举措, 具体任务).
SECTION_HEADS = ("任务", "措施", "举措", "分工", "清单", "重点")
SECTION_MODIFIERS = ("主要", "重点", "具体", "工作", "职责", "责任", "任务", "各项")
# Words that mark the title line of a document.
TITLE_WORDS = ("任务分工", "分工方案", "工作要点", "实施方案", "责任分解", "任务清单", "分解表",
               "责任清单", "台账", "工作方案", "行动计划", "重点工作", "任务分解", "行动方案")
# Labels of unit lines in prose (牵头单位：… 责任单位：…) and their roles; labels
# not listed here take the role from the words of the line.
UNIT_LINE_LABELS = {
    "牵头单位": ROLE_LEAD, "牵头部门": ROLE_LEAD, "牵头科室": ROLE_LEAD, "牵头领导单位": ROLE_LEAD,
    "主办单位": ROLE_LEAD, "牵头责任单位": ROLE_LEAD,
    "责任单位": ROLE_RESPONSIBLE, "责任部门": ROLE_RESPONSIBLE, "责任科室": ROLE_RESPONSIBLE,
    "责任主体": ROLE_RESPONSIBLE, "承办单位": ROLE_RESPONSIBLE, "落实单位": ROLE_RESPONSIBLE,
    "配合单位": ROLE_ASSIST, "配合部门": ROLE_ASSIST, "协同单位": ROLE_ASSIST, "协办单位": ROLE_ASSIST,
    "参与单位": ROLE_ASSIST, "协同责任单位": ROLE_ASSIST, "配合科室": ROLE_ASSIST,
    "协助单位": ROLE_ASSIST, "配合责任单位": ROLE_ASSIST, "参与部门": ROLE_ASSIST, "协同部门": ROLE_ASSIST,
    "配合处室": ROLE_ASSIST, "牵头处室": ROLE_LEAD, "主责单位": ROLE_LEAD, "主责部门": ROLE_LEAD,
    "责任处室": ROLE_RESPONSIBLE, "实施单位": ROLE_RESPONSIBLE,
}
# The people columns keep their values as a remark: "责任领导：张三".
REMARK_FORMAT = "{header}：{value}"

# Text data the readers use (not shown to users).
# Grassroots bodies named as a class (各村, 各社区, 各村（社区）): units, though
# they end unlike the names of offices (used by xltools.importing.units).
GRASSROOTS_UNITS = ("村", "社区", "居委会", "村委会", "嘎查", "村民小组")
CN_NUMERALS = "一二三四五六七八九十百"
# The most frequent Simplified characters (encoding detection scores decodings by them).
COMMON_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型"
    "眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞责牵头配落督"
    "推进落实健全完善加强开展做好工作要求任务目标服务信息公开政务建设管理制度机制体系")

# Export in the original layout (目标 | 序号 | 任务 | 有关要求 | 责任单位 | 完成时限).
EXPORT_COL_GOAL = "目标"
EXPORT_COL_NO = "序号"
EXPORT_COL_TASK = "任务"
EXPORT_COL_REQUIREMENT = "有关要求"
EXPORT_COL_UNITS = "责任单位"
EXPORT_COL_DEADLINE = "完成时限"
EXPORT_COL_REMARK = "备注"
# An item under its task line when the original's 任务 column held both (read back as an item).
EXPORT_ITEM_BULLET = "△"
MSG_EXPORT_UNKNOWN_COLUMN = ("“说明”表中“{key}”列出的列“{column}”无法导出；可用的列：{known}"
                             "（或原表中的同义表头）。(unknown column in 原表列)")
EXPORT_SHEET = "任务分工"
EXPORT_DEFAULT_TITLE = "任务分工方案"
# 责任单位 worded from the assignments: "A、B牵头，C负责，D配合，各相关部门按职能分别落实".
WORD_UNIT_JOIN = "、"
WORD_CLAUSE_JOIN = "，"
WORD_LEAD = "牵头"
WORD_RESPONSIBLE = "负责"
WORD_ASSIST = "配合"
WORD_GENERIC = "按职能分别落实"
MSG_EXPORTED_PATH = "已导出为原表格式：{path}"
# File names of the export step of `xltools demo`.
DEMO_EXPORT_DOCX = "任务分工-原表格式.docx"
DEMO_EXPORT_XLSX = "任务分工-原表格式.xlsx"
MSG_EXPORT_FORMAT = "只能导出为 .xlsx 或 .docx：{path}。(export writes .xlsx or .docx)"
# GB/T 9704 fonts (Word export).
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADER = "黑体"
FONT_LATIN = "Times New Roman"
PAGE_NUMBER_DASH = "— "
PAGE_NUMBER_DASH_END = " —"

# --------------------------------------------------------------- excel
# (issue 6 adds its strings here)
# The ribbon tab and its buttons (macros/customUI.xml must use the same words;
# a test checks it) — also the captions of the control workbook's buttons.
XL_TAB = "任务分工"
XL_BTN_IMPORT = "导入原表"
XL_BTN_CHECK = "校验"
XL_BTN_LETTERS = "生成通知书"
XL_BTN_SPLIT = "拆分进度表"
XL_BTN_ROLLUP = "汇总进度"
XL_BTN_EXPORT = "导出原表格式"
XL_BTN_HELP = "帮助"
XL_BTN_REPORT = "生成通报"
XL_BTN_REMIND = "生成催办通知"
XL_TITLE = "xltools 任务分工"
XL_CONTROL_SHEET = "操作"
XL_CONTROL_INTRO = (
    "任务分工 控制工作簿（xltools）",
    "1. 点“导入原表”选择原始任务分工表，结果写入本工作簿（同时在原表旁生成一份 .xlsx）。",
    "2. 修改“任务分工”“单位”“说明”表后点“校验”。",
    "3. 点“生成通知书”“拆分进度表”，文件生成在本工作簿旁带日期的文件夹中。",
    "4. 各单位交回进度表后，点“汇总进度”选择存放交回文件的文件夹，汇总表写入本工作簿。",
    "5. 汇总后点“生成通报”（给领导）和“生成催办通知”（给未报或逾期的单位）。",
    "只把生成的 .xlsx/.docx 文件发给各单位，不要发送本工作簿（含宏）。",
)
XL_OUTPUT_DIR = "{stem}_{kind}_{date}"
XL_KIND_LETTERS = "通知书"
XL_KIND_SPLIT = "进度表"
XL_KIND_REPORT = "通报"
XL_KIND_REMIND = "催办通知"
XL_IMPORTED_FILE = "{stem}_任务分工.xlsx"
XL_STATUS_WORKING = "xltools：正在{action}……"
XL_NOT_AVAILABLE = "“{action}”功能尚未安装（缺少 {module}）。请升级 xltools 后重试。"
XL_UNEXPECTED = ("“{action}”出现意外错误，未完成。详细信息已写入日志文件：\n{log}\n"
                 "请把该文件发给维护人员。")
XL_VERSION_MISMATCH = ("加载项版本 {addin} 与 Python 中的 xltools {python} 不一致。"
                       "请在命令行运行 xltools excel build 和 xltools excel install 更新加载项。"
                       "本次仍继续执行。")
XL_NOT_NORMALISED = ("当前工作簿不是任务分工工作簿：缺少工作表“{sheet}”。"
                     "请先打开由“导入原表”生成的工作簿，或在本工作簿中点“导入原表”。")
XL_IMPORT_DONE = "{summary}\n\n已生成工作簿：{path}"
XL_IMPORT_INTO_OPEN = "\n结果同时写入了当前工作簿。"
XL_IMPORT_ASK_REPLACE = "当前工作簿已有任务分工数据。是否用导入结果覆盖当前工作簿中的这些表？\n选“否”则只生成新文件。"
XL_CHECK_MORE = "……另有 {count} 个问题未显示，请运行 xltools check 查看全部。"
XL_LETTERS_DONE = "已生成 {count} 个文件，在文件夹：\n{folder}"
XL_SPLIT_DONE = "已生成 {count} 个进度表，在文件夹：\n{folder}\n请把这些 .xlsx 文件发给各单位。"
XL_ROLLUP_ASK_REPLACE = "当前工作簿已有工作表：{sheets}。是否用新的汇总结果替换？"
XL_ROLLUP_DONE = "汇总完成，已写入工作表：{sheets}。"
XL_EXPORT_ASK_OVERWRITE = "文件已存在：{path}\n是否覆盖？"
XL_EXPORT_DONE = "已导出原表格式：{path}"
XL_REPORT_DONE = "已生成进展情况通报：\n{path}\n逾期未报 {late} 个单位，标识为红的要求 {red} 项。"
XL_REMIND_DONE = "已生成 {count} 份催办通知（新的截止日期 {deadline}），在文件夹：\n{folder}"
# The VBA InputBox of 生成催办通知 (macros/XlTools.bas spells it with ChrW; a test checks it).
XL_REMIND_PROMPT = "请输入新的报送截止日期（如 2019-06-30）："
XL_NOT_ROLLUP = ("当前工作簿还没有汇总结果（缺少工作表“{sheet}”）。请先点“汇总进度”，"
                 "再生成通报或催办通知。")
XL_CANCELLED = "已取消。"
XL_FALLBACK_DOCUMENTS = "（当前工作簿尚未保存或位于 OneDrive/SharePoint，输出改放到“文档”文件夹。）"
XL_HELP = ("xltools {version}（任务分工）\n\n"
           "导入原表：选择原始任务分工表（txt/csv/html/docx/xlsx/xls），生成规范工作簿。\n"
           "校验：检查单位、角色、日期和编号。\n"
           "生成通知书：为每个单位生成通知书。\n"
           "拆分进度表：为每个单位生成进度反馈表（.xlsx）。\n"
           "汇总进度：选择存放交回进度表的文件夹，汇总写入本工作簿。\n"
           "生成通报：根据汇总结果生成给领导的进展情况通报（Word，不超过 4 页）。\n"
           "生成催办通知：为逾期未报或有红色事项的单位各生成一份催办通知（Word）。\n"
           "导出原表格式：按原始表格的版式导出。\n\n"
           "输出放在工作簿旁带日期的文件夹中。只把 .xlsx/.docx/.pdf 发给各单位，不要发送含宏的文件。\n"
           "说明文档：docs/excel.md")
XL_LINUX = ("Excel 加载项需要 Windows 或 macOS 上的 Microsoft Excel；本机是 {system}，"
            "无法安装。可以在这里用 xltools excel build 生成 xltools.xlam，再复制到 Windows 电脑上"
            "运行 xltools excel install。(Excel is needed: install on Windows or macOS)")
XL_NO_ADDIN = "找不到加载项文件 {path}。请先运行 xltools excel build -o {path}。(add-in not built)"
XL_BAD_TEMPLATE = ("xlwings 自带的模板 {path} 与预期不符：{detail}。"
                   "请安装 setup.cfg 中固定的 xlwings 版本。(unexpected xlwings template)")
XL_BAD_MACROS = "宏源文件与功能区不一致：{detail}。(macros/XlTools.bas and customUI.xml disagree)"
XL_INSTALLED = "已安装加载项：{path}\n已写入配置：{config}\n请重新启动 Excel，功能区会出现“任务分工”选项卡。"
XL_UNINSTALLED = "已删除：{path}"
XL_NOTHING_TO_REMOVE = "没有找到已安装的加载项（{path}）。"
XL_EXCEL_RUNNING = "无法写入 {path}：{reason}。请先关闭 Excel 再重试。(close Excel first)"

# ----------------------------------------------------------------- wps
# The WPS add-in (xltools/wps/, issue 21). Service and install messages:
WPS_UNKNOWN_ACTION = "加载项请求了未知的操作“{action}”。请运行 xltools wps install 重新安装加载项。(unknown action)"
WPS_MISSING_ARGUMENT = "操作“{action}”缺少参数 {name}。请重新点按钮。(missing argument)"
WPS_SAVE_FIRST = "请先把工作簿保存为 Excel 工作簿（.xlsx），再点按钮。(save the workbook as .xlsx first)"
WPS_WORKBOOK_MISSING = "找不到已保存的工作簿：{path}。请先保存工作簿，再点按钮。(workbook not found)"
WPS_NOT_XLSX = ("工作簿 {path} 不是 .xlsx/.xlsm 格式，xltools 读不了。"
                "请用“文件 → 另存为”保存为 Excel 工作簿（.xlsx），再点按钮。(save as .xlsx)")
WPS_WORKBOOK_UNREADABLE = ("无法读取工作簿 {path}（文件可能已损坏或被加密）。"
                           "请另存为新的 .xlsx 文件后重试。(unreadable workbook)")
WPS_UNSAVED_NAME = "未保存的工作簿"
WPS_VERSION_MISMATCH = ("WPS 加载项版本 {addin} 与 Python 中的 xltools {python} 不一致。"
                        "请关闭 WPS 后运行 xltools wps install 更新加载项。本次仍继续执行。")
WPS_SERVICE_FAILED = "xltools 服务出现意外错误，未完成。详细信息在 ~/.xltools/logs/wps-service.log。"
WPS_LOOPBACK_ONLY = ("xltools 服务只能监听本机回环地址 127.0.0.1，不能监听 {host}。"
                     "(the service listens on loopback only)")
WPS_BAD_HOST = "请求的主机名不是本机回环地址，已拒绝。(bad Host header)"
WPS_BAD_TOKEN = "缺少或错误的访问令牌，已拒绝。(missing or wrong token)"
WPS_BAD_REQUEST = "无法识别的请求。(bad request)"
WPS_NO_JOB = "没有等待回答的操作（可能已超时）。请重新点按钮。(no such job)"
WPS_BAD_RIBBON = "功能区定义与 WPS 加载项不一致：{detail}。(customUI.xml and the WPS buttons disagree)"
WPS_NO_JSADDONS = ("本机是 {system}：WPS 加载项只支持 Windows 和 Linux（统信UOS、麒麟）。"
                   "可用 --jsaddons 指定 jsaddons 文件夹。(WPS add-ins: Windows and Linux)")
WPS_BAD_PUBLISH = ("{path} 不是有效的 publish.xml（{detail}），为免破坏其他加载项的登记，没有修改它。"
                   "请在 WPS 中检查或删除该文件后重试。(malformed publish.xml left untouched)")
WPS_NOT_ADDIN = "{path} 不是 xltools wps build 生成的加载项文件夹（缺少 {name}）。(not a built add-in)"
WPS_INSTALLED = ("已安装 WPS 加载项：{path}\n已登记：{publish}\n"
                 "请重新启动 WPS 表格，功能区会出现“任务分工”选项卡。运行 xltools wps doctor 可检查安装。")
WPS_UNINSTALLED = "已删除：{path}"
WPS_UNREGISTERED = "已从 {publish} 删除 xltools 的登记（其他加载项的登记保持不变）。"
WPS_NOTHING_TO_REMOVE = "没有找到已安装的 xltools WPS 加载项（{path}）。"
WPS_SERVICE_STOPPED = "已停止正在运行的 xltools 服务。"
# The last lines of `xltools wps doctor` (English for support, WPS' own menu names in Chinese):
WPS_DOCTOR_CHECK_TAB = ("[..] check in WPS: 表格 (ET) shows the tab 任务分工 with 9 buttons; if the "
                        "buttons do nothing, 工具 → 宏安全性 → 可靠发行商: tick 信任对于 wpsjs 项目的访问; "
                        "WPS 专业版/政务版 may have JS add-ins disabled by your IT department")
WPS_DOCTOR_CHECK_VERSION = ("[..] check the WPS edition and version (帮助 → 关于): personal builds "
                            "12.1.0.16910+ only load add-ins registered in publish.xml (this one is); "
                            "see docs/wps.md")
# What js/ribbon.js shows (written into js/config.js by xltools wps build):
WPS_JS_TEXT = {
    "title": XL_TITLE,
    "sheet_assignments": SHEET_ASSIGNMENTS,
    "no_workbook": "没有打开的工作簿。请先打开任务分工工作簿，再点按钮。",
    "save_first": "请先把工作簿保存为 Excel 工作簿（.xlsx），再点“{button}”。",
    "not_xlsx": ("当前工作簿是 .{ext} 格式，xltools 读不了。"
                 "请用“文件 → 另存为”保存为 Excel 工作簿（.xlsx），再点按钮。"),
    "save_failed": "保存工作簿失败：{error}\n请先手动保存，再点按钮。",
    "working": "xltools：正在{action}……",
    "starting": "xltools：正在启动后台服务……",
    "start_failed": ("xltools 后台服务没有启动。请在命令行（Windows：命令提示符；统信UOS/麒麟：终端）运行：\n"
                     "{command}\n保持窗口打开，再点按钮。运行 xltools wps doctor 可检查安装。"),
    "service_error": "xltools 服务出错：{error}\n请运行 xltools wps doctor 检查安装。",
    "open_failed": "无法在 WPS 中打开：{path}",
    "write_failed": "写入工作表“{sheet}”失败：{error}",
    "busy": "上一个操作还没有完成，请稍候。",
    "pick_original": "选择原始任务分工表（txt/csv/html/docx/xlsx/xls）",
    "pick_returned": "选择存放各单位交回进度表的文件夹",
    "pick_export": "导出原表格式：输入文件名（.xlsx 或 .docx）",
    "remind_prompt": XL_REMIND_PROMPT,
    "remind_title": XL_BTN_REMIND,
}


# ------------------------------------------------- issuing office (issuer.py)
ISSUER_LEVEL_WORDS = "市县区州盟旗"
ISSUER_SHORT_FORMS = (("人民政府", "政府"), ("办公室", "办"))
NOTE_ISSUER_UNIT = ("单位“{unit}”即发文单位“{issuer}”，不向其发送通知和进度反馈表"
                    "（需要时可用 --unit 指定）。")
REVIEW_ISSUER = "发文单位"

# ------------------------------------------- letters an office would send (issue 12)
LETTER_OTHERS_MORE = "{first}等{count}个单位"
LETTER_ATTACHMENT_ONE = "附件：{name}"
LETTER_ATTACHMENT_FIRST = "附件：{n}．{name}"
LETTER_ATTACHMENT_NEXT = "\u3000\u3000\u3000{n}．{name}"  # aligned under the first name
# Title line breaks (letters.title_lines): never after/before these, gladly after/before these.
TITLE_NO_BREAK_AFTER = "《（“‘"
TITLE_NO_BREAK_BEFORE = "》）”’，、。；：！？"
TITLE_BREAK_AFTER = "》）、，年市县省"
TITLE_BREAK_BEFORE = "《（"
TITLE_BREAK_BEFORE_WORDS = ("的通知", "的意见", "的实施方案", "的方案", "的")
TITLE_BREAK_WORDS = ("关于", "落实", "印发", "做好", "贯彻", "进一步", "加强", "推进", "开展", "全面",
               "政务公开", "政务", "公开", "重点工作", "重点", "工作", "任务分工", "任务", "分工",
               "实施方案", "方案", "通知", "意见", "要点", "建设", "管理", "服务", "改革", "发展",
               "年度", "人民政府", "政府", "办公室", "营商环境", "市场", "县域", "省级", "市级",
               "责任", "分解", "安排", "计划", "行动", "专项", "整治", "优化", "提升")
TPL_GENERAL_ITEM = "{{ loop.index }}．{{ t.task }}（{{ t.ids }}）"
TPL_GENERAL_ANNEX = ("各相关部门按职能分别落实的{{ general|length }}项要求，全文见{{ table_ref }}"
                     "（{{ attachments[-1] }}），请你单位对照职能抓好落实。")
MSG_WARNING_PREFIX = "注意："
MSG_LETTERS_ANNEX = "附件（原表格式任务分工）→ {path}"
MSG_LETTERS_ONLY_ISSUER = ("“任务分工”表中只有发文单位“{issuer}”自己，没有要发通知的单位。"
                           "如确需发给它，请用 --unit 指定。(only the issuing office has rows)")
MSG_LETTERS_BAD_ISSUE_DATE = ("“说明”表中的成文日期“{value}”不是日期，请写成 2019-03-25。"
                              "(成文日期 is not a date)")
MSG_LETTERS_NO_ISSUE_DATE = ("“说明”表中没有成文日期，通知日期用今天（{date}）。请在“说明”表填写成文日期，"
                             "或用 --date 指定。(no 成文日期: today is used)")
MSG_LETTERS_DATE_AFTER_DEADLINE = ("成文日期 {date} 晚于反馈截止日期 {deadline}，请核对。"
                                   "(letter date after the feedback deadline)")
MSG_LETTERS_BAD_GENERAL = ("“各相关部门”要求的写法“{value}”无效，可选：{allowed}。"
                           "(unknown style for the requirements of every department)")
MSG_TEMPLATE_UNSAFE = ("模板 {path} 在{during}时被拦截：标记 {tag}（所在段落：“{text}”）"
                       "试图访问内部属性；模板不能执行代码。请删除该标记。(unsafe template tag blocked)")
MSG_LETTERS_ODD_UNCHECKED = ("未找到 LibreOffice，无法计算各通知页数：合并打印版中的通知不一定都从奇数页开始，"
                             "双面打印前请检查。(page counts unknown: odd-page starts not guaranteed)")

# ---------------------------------------------------------------- CLI (cli.py)
# --help is Chinese, English kept in parentheses where it helps.
CLI_DESCRIPTION = ("任务分工工具：导入原表 → 校验 → 发交办通知 → 拆分进度表 → 汇总进度 → 导出原表格式。"
                   "(task-division tables for government offices)")
CLI_EPILOG = "每个命令的用法：xltools 命令 --help。说明文档见 README.md 和 docs/。"
CLI_USAGE_PREFIX = "用法："
CLI_POSITIONALS = "参数"
CLI_OPTIONALS = "选项"
CLI_METAVAR_COMMAND = "命令"
CLI_HELP_HELP = "显示本帮助并退出 (help)"
CLI_HELP_VERSION = "显示版本号并退出 (version)"
CLI_HELP_FORCE = "已存在时覆盖；输入文件永不覆盖 (overwrite; never an input)"
CLI_HELP_FORCE_FILES = "替换已存在的文件；输入文件和单位已填写的进度表永不覆盖 (replace existing files; never an input or a filled-in return)"
CLI_HELP_WORKBOOK = "规范工作簿（.xlsx）"
HELP_IMPORT = "原始任务分工表 → 规范工作簿 (import)"
DESC_IMPORT = ("读取原始任务分工表（txt、csv、html、docx、xlsx/xls、pdf 等），写出规范工作簿（.xlsx）。"
               "(read an original table, write the normalised workbook)")
HELP_IMPORT_SRC = ("原始任务分工表（Word/WPS、Excel、网页、文本、PDF、OFD；扫描的 PDF 和 .png/.jpg/.tif 照片需安装 "
                   "xltools[ocr]）")
HELP_IMPORT_OUTPUT = "要写出的工作簿（.xlsx）"
HELP_IMPORT_UNITS = "沿用该工作簿“单位”表中的单位名称、别名和联系人"
HELP_IMPORT_YEAR = "年度（原表中没有写明时）"
HELP_IMPORT_TRADITIONAL = "保留繁体字（默认转换为简体）"
HELP_IMPORT_HEADER_LINE = "表头在文本的第 N 行（表格/工作表的第 N 行）"
HELP_IMPORT_COLUMNS = "表头缺失或无法识别时，按顺序用表头词写出各列，以逗号分隔"
HELP_IMPORT_COLUMNS_METAVAR = "序号,任务,具体要求,责任单位,完成时限"
HELP_CHECK = "校验规范工作簿，列出问题（有问题时退出码为 1）(check)"
HELP_TEMPLATE = "写出空白的规范工作簿 (template)"
HELP_TEMPLATE_OUTPUT = "要写出的工作簿（.xlsx）"
HELP_DEMO = "用自带示例跑一遍全部流程 (demo)"
HELP_DEMO_OUTPUT = "输出文件夹"
HELP_EXPORT = "规范工作簿 → 原表格式（.xlsx 或 .docx）(export)"
DESC_EXPORT = ("按原表格式重新写出任务分工表：原表的列及其顺序（说明 → 原表列），目标、序号、任务、"
               "责任单位按原表合并单元格；每页重复表头，带页码。(the original layout)")
HELP_EXPORT_OUTPUT = "要写出的文件（.xlsx 或 .docx）"
HELP_EXPORT_DEADLINE = "加上“完成时限”列（原表没有时）"
HELP_EXPORT_NO_DEADLINE = "不要“完成时限”列"
HELP_SPLIT = "为每个单位生成进度反馈表（进度反馈表-<单位>.xlsx）(split)"
DESC_SPLIT = ("为“任务分工”中的每个单位生成一份受保护的进度反馈表。若工作簿含上一次汇总（“进度”表），"
              "已填写的进展会预先带入。(one progress file per unit)")
HELP_SPLIT_WORKBOOK = "规范工作簿（或上一次的汇总结果）"
HELP_SPLIT_OUTPUT = "存放进度反馈表的文件夹"
HELP_SPLIT_ROUND = "轮次名称，如 2019年第二季度（默认：当月）"
HELP_SPLIT_DEADLINE = "反馈截止日期 YYYY-MM-DD（默认：说明 → 反馈截止日期）"
HELP_ROLLUP = "汇总各单位交回的进度反馈表 (rollup)"
DESC_ROLLUP = ("读取文件夹中每个交回的文件（.xlsx .xlsm .xls .et），写出汇总工作簿：规范工作簿的副本，"
               "加上“汇总（第一个）/按要求/进度/问题/延期申请/历史”表。(roll the returns up)")
HELP_ROLLUP_WORKBOOK = "规范工作簿（主表，.xlsx）"
HELP_ROLLUP_FOLDER = "存放交回文件的文件夹"
HELP_ROLLUP_OUTPUT = "要写出的汇总工作簿（.xlsx）"
HELP_ROLLUP_ROUND = "轮次名称（默认：文件中写的轮次）"
HELP_ROLLUP_AS_OF = "统计日期 YYYY-MM-DD（默认：今天）"
HELP_ROLLUP_SUMMARY_ONLY = "只写汇总各表，不附主表副本 (the roll-up sheets only)"
HELP_REPORT = "根据汇总结果生成给领导的进展情况通报（Word，不超过 4 页） (report)"
DESC_REPORT = ("根据汇总工作簿（xltools rollup 的输出）生成进展情况通报：总体情况与序时进度、各目标进展、"
               "逾期未报单位、标识为红的要求、延期申请和一张图表。模板：templates/report.docx"
               "（见 docs/progress.md）。(the progress report for the leadership)")
HELP_REPORT_ROLLUP = "汇总工作簿（.xlsx）"
HELP_REPORT_OUTPUT = "要写出的通报（.docx）"
HELP_REPORT_TEMPLATE = "自己的通报模板（.docx）"
HELP_FOLLOWUP_DATE = "成文日期 YYYY-MM-DD（默认：汇总的统计日期）"
HELP_FOLLOWUP_NUMBER = "发文字号（默认：无）"
HELP_REMIND = "为欠报或有红色事项的单位各生成一份催办通知 (remind)"
DESC_REMIND = ("为汇总工作簿“进度”表中有未反馈的行或已过完成时限的红色行的每个单位生成"
               "“催办通知-<单位>.docx”，只列出这些行和新的截止日期；已全部反馈的单位和发文单位不生成。"
               "模板：templates/remind.docx（见 docs/progress.md）。(one reminder per unit that owes)")
HELP_REMIND_OUTPUT = "存放催办通知的文件夹"
HELP_REMIND_DEADLINE = "新的报送截止日期 YYYY-MM-DD"
HELP_REMIND_TEMPLATE = "自己的催办模板（.docx）"
HELP_LETTERS = "为每个单位生成 Word 交办通知 (letters)"
DESC_LETTERS = ("为“任务分工”中的每个单位（发文单位除外）生成 <单位>.docx，使用 docxtpl 模板"
                "（默认 templates/letter.docx，见 docs/letters.md）。(one task letter per unit)")
HELP_LETTERS_OUTPUT = "存放通知的文件夹"
HELP_LETTERS_TEMPLATE = "自己的通知模板（.docx）"
HELP_LETTERS_UNIT = "只为这些单位生成（名称或别名；也可指定发文单位）"
HELP_LETTERS_COMBINED = "另生成一份包含全部通知的合并打印版（每份从奇数页开始）"
HELP_LETTERS_PDF = "另用 LibreOffice 转换为 PDF"
HELP_LETTERS_DATE = "成文日期 YYYY-MM-DD（默认：说明 → 成文日期）"
HELP_LETTERS_GENERAL = ("“各相关部门”要求的写法：list 任务标题和要求编号（默认）、table 全文表格、"
                        "annex 一句话引用附件中的原表格式任务分工")
HELP_EXCEL = "Excel 加载项：build | install | uninstall | doctor (excel)"
DESC_EXCEL = "不用 Excel 也能生成功能区加载项（或控制工作簿），并在 Windows/macOS 上为当前用户安装。"
HELP_EXCEL_BUILD = "生成 xltools.xlam（或 --workbook：控制工作簿 .xlsm）"
HELP_EXCEL_BUILD_OUTPUT = "要写出的文件（默认 xltools.xlam / xltools-control.xlsm）"
HELP_EXCEL_BUILD_WORKBOOK = "生成带按钮的独立 .xlsm，而不是加载项"
HELP_EXCEL_INSTALL = "把加载项复制到 Excel 启动文件夹并写入配置"
HELP_EXCEL_ADDIN = "已生成的加载项"
HELP_EXCEL_CONFIG_ONLY = "只写入解释器配置（用于控制工作簿）"
HELP_EXCEL_UNINSTALL = "从启动文件夹删除加载项"
HELP_EXCEL_DOCTOR = "显示版本和安装情况（有问题时退出码为 1）"
HELP_WPS = "WPS 加载项：build | install | uninstall | doctor | serve (wps)"
DESC_WPS = ("WPS 表格的“任务分工”选项卡（WPS 加载项，Windows 和 统信UOS/麒麟）：按钮经本机 127.0.0.1 上的"
            "后台服务调用与 Excel 按钮相同的功能。详见 docs/wps.md。")
HELP_WPS_BUILD = "生成 WPS 加载项文件夹（ribbon.xml、index.html、main.js 等）"
HELP_WPS_BUILD_OUTPUT = "要写出的文件夹"
HELP_WPS_INSTALL = "为当前用户安装到 WPS 的 jsaddons 文件夹并登记到 publish.xml（无需管理员权限）"
HELP_WPS_ADDIN = "xltools wps build 生成的文件夹（省略时直接生成）"
HELP_WPS_UNINSTALL = "删除加载项和 publish.xml 中的登记（其他加载项不变）"
HELP_WPS_DOCTOR = "显示安装情况和需要在 WPS 中检查的事项（有问题时退出码为 1）"
HELP_WPS_JSADDONS = "jsaddons 文件夹（默认：Windows %%APPDATA%%\\kingsoft\\wps\\jsaddons，Linux ~/.local/share/Kingsoft/wps/jsaddons）"
HELP_WPS_SERVE = "运行后台服务（按钮会自动启动它；自动启动失败时手动运行）"
DESC_WPS_SERVE = ("只监听本机回环地址，每次启动生成新的访问令牌，写入 ~/.xltools/wps-service.json；"
                  "空闲超时后自动退出。")
HELP_WPS_HOST = "监听地址（只允许 127.0.0.1，加载项只连接这个地址）"
HELP_WPS_PORT = "端口（默认 0：由系统分配）"
HELP_WPS_SECONDS = "秒"
HELP_WPS_IDLE = "空闲多少秒后退出（默认 14400；0 表示一直运行）"
HELP_METAVAR_ACTION = "操作"
MSG_BAD_DATE = "日期“{value}”无效，请写成 YYYY-MM-DD，如 2019-03-25。(expected YYYY-MM-DD)"
MSG_OUTPUT_SUFFIX = ("输出文件 {path} 的扩展名与写出的内容不符：这里写出的是 {expected} 文件。"
                     "请把文件名改为以 {expected} 结尾。(output extension does not match)")
# argparse's own messages, translated (cli.ChineseParser.error).
ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", "参数 {0} 的值 {1} 无效，可选：{2}"),
    (r"argument (\S+): expected one argument", "参数 {0} 后面需要一个值"),
    (r"argument (\S+): expected at least one argument", "参数 {0} 后面至少需要一个值"),
    (r"argument (\S+): invalid (\S+) value: (.*)", "参数 {0} 的值 {2} 无效"),
    (r"argument (\S+): not allowed with argument (\S+)", "参数 {0} 不能与 {1} 同时使用"),
    (r"argument (\S+): ignored explicit argument (.*)", "参数 {0} 不接受值 {1}"),
    (r"ambiguous option: (\S+) could match (.*)", "选项 {0} 有歧义，可能是：{1}"),
    (r"one of the arguments (.*) is required", "必须给出以下参数之一：{0}"),
    (r"argument (\S+): (.*)", "参数 {0}：{1}"),
)
ARGPARSE_SEE_HELP = "（用法见 {prog} --help）"

# ------------------------------------------------ workbook print and typing (issue 12)
CHK_NO_DATA = "没有任何要求：“任务分工”表是空的。请先导入原表（xltools import），或在表中填写要求。"
DV_UNIT_TITLE = "单位"
DV_UNIT_ERROR = "该单位不在“单位”表中（也不是别名）。请从下拉列表选择；新单位请先写在“单位”表末尾。"
DV_ROLE_TITLE = "角色"
DV_ROLE_ERROR = "角色只能是 牵头、责任 或 配合，请从下拉列表选择。"
DV_UNIT_PROMPT = "从下拉列表选择单位"
DV_ROLE_PROMPT = "牵头 / 责任 / 配合"
# --------------------------------------------------------------------------
# Hostile and careless input (issue 11): the input guard, the same-file guard,
# environment errors, tolerant text decoding.
MSG_PASSWORD_PROTECTED = ("{path}：文件有密码保护，请取消密码后另存。"
                          "(password-protected: remove the password and save again)")
MSG_PACKAGE_TOO_LARGE = ("{path} 解压后过大或压缩比异常（{detail}），疑为压缩炸弹，已拒绝读取。"
                         "(unpacks too large or too highly compressed: refused before parsing)")
MSG_PACKAGE_BAD_ZIP = ("{path} 不是完整的 Office 文件（{reason}），可能已损坏或未下载完整。"
                       "请重新获取，或在 Office 中打开后另存。(not a complete zip package)")
MSG_PACKAGE_DAMAGED = ("{path} 已损坏：部件 {part} 无法解压（{reason}）。"
                       "请重新获取，或在 Office 中打开后另存。(damaged zip member)")
MSG_PACKAGE_BAD_XML = ("{path} 已损坏：部件 {part} 不是有效的 XML（{reason}）。"
                       "请在 Office 中打开后另存。(malformed XML part)")
MSG_PACKAGE_DTD = ("{path} 的部件 {part} 含有 DTD/实体声明（Office 不会写入这种内容），已拒绝读取。"
                   "(XML part with a DTD or entity declarations: refused)")
MSG_PACKAGE_UNREADABLE = ("{path} 无法读取：{reason}。文件是否损坏？请在 Office 中打开后另存。"
                          "(cannot read the file)")
MSG_INPUT_TOO_LARGE = "{path} 过大（{size}，上限 {limit}），已拒绝读取。(input file too large)"
MSG_NOT_OFFICE_FILE = ("{path} 的扩展名是 {suffix}，但内容不是 Excel/Word 文件"
                       "（可能已损坏或改过扩展名）。请在 Office 中打开后另存。"
                       "(not an Office file, whatever its name says)")
MSG_BINARY_NOT_TEXT = ("{path} 不是文本，也不是可识别的表格或文档格式（可能已损坏）。"
                       "(neither text nor a known document format)")
MSG_INPUT_UNREADABLE = "无法读取 {path}：{reason}。请检查文件权限。(cannot read the input)"
MSG_SAME_AS_INPUT = ("输出 {path} 就是输入文件 {input}，即使加 --force 也不能覆盖输入。"
                     "请换一个输出文件名。(the output is an input: refused even with --force)")
MSG_OUTPUT_IN_RETURNS = ("输出 {path} 是交回文件夹 {folder} 中已有的文件，即使加 --force 也不能覆盖。"
                         "请把输出写到别处。(the output would replace a returned file)")
MSG_FILLED_RETURN = ("{path} 是单位已填写的进度表，即使加 --force 也不能覆盖。"
                     "请把进度表输出到新的文件夹。(would overwrite a filled-in return)")
MSG_ENV_PERMISSION = ("没有权限访问 {path}（{reason}）。请检查文件夹权限，"
                      "或文件是否在其他程序中打开。(permission denied)")
MSG_ENV_DISK_FULL = ("磁盘空间不足，无法写入 {path}。请清理磁盘后重试；没有留下不完整的文件。"
                     "(no space left on device)")
MSG_ENV_READ_ONLY = "{path} 位于只读位置，无法写入。请换一个输出位置。(read-only file system)"
MSG_ENV_NOT_DIR = ("{path}：路径中有一级是文件而不是文件夹。请检查输出路径。"
                   "(a parent of the path is a file)")
MSG_ENV_EXISTS = "{path} 已存在，无法替换。请换一个输出位置。(already exists)"
MSG_ENV_OTHER = "无法访问 {path}：{reason}。(operating system error)"
REVIEW_ENCODING = "文字编码"
NOTE_BAD_BYTES = "第 {lines} 行有无法识别的字节，已替换为 �，请对照原文核对。"
MSG_OUTPUT_NOT_FOLDER = "输出路径 {path} 已存在且不是文件夹，请给出文件夹。(the output must be a folder)"
# --------------------------------------------------------------------------
# Budgets for hostile files and templates (issue 18).
MSG_SHEET_FAR_CELL = ("{path}：工作表“{sheet}”的单元格 {cell} 远在表格之外（{detail}），"
                      "读入会占满内存，已拒绝读取。请删除该单元格（或清除多余的行列）后另存。"
                      "(a cell far outside the table: refused before parsing)")
MSG_SHEET_TOO_MANY_ROWS = ("{path}：工作表“{sheet}”行数过多（{detail}），已拒绝读取。"
                           "(more rows than allowed)")
MSG_SHEET_FANOUT = ("{path}：工作表“{sheet}”中同一长文字被大量单元格重复引用（{detail}），"
                    "读入会占满内存，已拒绝读取。(shared strings fanned out too far)")
MSG_SHEET_BAD_NUMBER = ("{path}：工作表“{sheet}”的单元格 {cell} 的值“{value}”不是有效的数字或日期"
                        "（Excel 显示为 #####），或已损坏，请改正后另存。(a value no reader can hold)")
MSG_ISSUE_BAD_NUMBER = ("工作表“{sheet}”的单元格 {cell} 的值“{value}”不是有效的数字或日期"
                        "（Excel 显示为 #####），或已损坏，按文字读入，请核实。")
ISSUE_BAD_NUMBER = "无效数值"
MSG_ISSUE_FAR_CELL = ("工作表“{sheet}”的单元格 {cell} 远在表格之外（{detail}），"
                      "为防止占满内存未读取。请让单位删除多余的单元格后重发。")
MSG_ISSUE_TOO_MANY_ROWS = ("工作表“{sheet}”行数过多（{detail}，不超过下发行数的 {factor} 倍），"
                           "为防止占满内存未读取。")
MSG_ISSUE_FANOUT = ("工作表“{sheet}”中同一长文字被大量单元格重复引用（{detail}），"
                    "为防止占满内存未读取。")
MSG_ISSUE_READER_CRASHED = "读取时出错（{reason}），文件未读取，其余文件照常汇总。请让单位另存为 .xlsx 后重发。"
MSG_ISSUE_COLLAPSED = "文件 {file}：另有 {count:,} 条“{kind}”（同类问题只列出前 {shown} 条），未逐条列出。"
CELL_CUT_MARK = "……（超过 Excel 单元格 32,767 字的上限，以下从略，全文见原文件）"
MSG_ISSUES_TRUNCATED = "“问题”表已达 Excel 行数上限，另有 {count:,} 条问题未列出。"
ISSUE_COLLAPSED = "同类问题"
TEMPLATE_BUDGET_FOR_UNIT = "为“{unit}”"
MSG_TEMPLATE_BUDGET = ("模板 {path} 在{unit}生成文件时超出限度（{reason}），标记 {tag}（所在段落：{text}）。"
                       "请检查模板中的循环和运算，未写出任何文件。(template exceeded its budget)")
MSG_TEMPLATE_ACTIVE_REMOVED = ("模板 {path} 含有可能自动运行或联网的内容（{what}），已从生成的文件中删除。"
                               "(active content removed from the template)")
TEMPLATE_ACTIVE_KINDS = {
    "attachedTemplate": "外部附加模板",
    "external": "外部链接的图片或对象",
    "field": "会运行或取外部内容的域（DDE/INCLUDEPICTURE/INCLUDETEXT 等）",
    "altChunk": "嵌入的外部格式内容（altChunk）",
    "vba": "宏（vbaProject）",
}
MSG_PDF_TOO_LARGE = ("{path} 超出 PDF 读取限度（{detail}），为防止占满内存已拒绝读取。"
                     "请只保留任务分工所在的页（或另存为 Word/Excel）后再导入。(PDF over its limits)")
MSG_BATCH_LOCKED = ("{path} 无法替换：它可能正在 Word/Excel/WPS 中打开，或是只读文件、同名文件夹。"
                    "请关闭（或改名）后重试；本批文件一个也没有替换。(a target is open or locked: nothing replaced)")
SHEET_CONTINUED = "续文"
CONTINUED_COLUMNS = ("要求编号", "段序", "续文")
REVIEW_LONG_TEXT = "超长要求"
NOTE_LONG_REQUIREMENT = ("要求 {req_id} 有 {chars:,} 字，超过 Excel 单元格 32,767 字的上限："
                         "“任务分工”表中显示前面部分，其余按顺序保存在隐藏的“续文”表，读取时自动接上，内容完整。")
REVIEW_FORMULA = "公式无结果"
NOTE_FORMULA_NO_VALUE = ("工作表“{sheet}”单元格 {cell} 是公式，文件中没有保存计算结果（{formula}），"
                         "已按公式原文读入，请在 Excel 中打开原文件另存后重新导入，或核对这一格。")


# ------------------------------------- documents an office signs (issue 19)
# Titles that already name the division: the letter is 关于落实《…》的通知.
LETTER_DIVISION_ENDINGS_MORE = ("责任分解", "任务分解", "工作要点", "实施方案", "工作方案", "方案",
                                "清单", "任务清单", "责任清单", "计划", "工作计划", "台账")
LETTER_TITLE_TRAILER = r"[（(][^（()）]*[)）]$"  # "（2023年）" after the title's own ending
TPL_OPENING_NO_TITLE = ("为确保各项工作任务落到实处，现将涉及你单位的"
                        "{{ total }}项具体要求通知如下，请认真组织落实，按时报送进展情况。")
TPL_OPENING_FUNCTIONAL = ("{% if title %}为贯彻落实《{{ title }}》{% else %}为确保各项工作任务落到实处{% endif %}，"
                          "现将你单位按职能落实的要求通知如下，请对照职能认真组织落实，按时报送进展情况。")
TPL_GENERAL_INTRO_REF = ("以下任务中的要求由各相关部门按职能分别落实（括号内为要求编号，全文见{{ table_ref }}），"
                         "请你单位对照职能抓好落实。")
TPL_HEADING_FUNCTIONAL = "{{ no.general }}、你单位及各相关部门按职能落实的要求（{{ general|length }}项）"
LETTER_TABLE_REF_ANNEX = "附件{n}"
LETTER_TABLE_REF_NONE = "任务分工表"
LETTER_PROGRESS_TITLE = "{unit}进度反馈表"
LETTER_TABLE_TITLE_DEFAULT = "任务分工表"
LETTER_OTHERS_GENERIC = "各相关部门按职能落实"
# 落款 (GB/T 9704 7.3.5): the 说明 setting 印章 = 加盖 (7.3.5.1, default) or 不加盖 (7.3.5.2).
SET_SEAL = "印章"
SEAL_YES = "加盖"
SEAL_NO = "不加盖"
SEAL_HELP = ("加盖：落款按 GB/T 9704 7.3.5.1，成文日期右空四字，发文单位以成文日期为准居中，"
             "上方留出盖章位置；不加盖：按 7.3.5.2，发文单位右空二字，成文日期首字右移二字。")
MSG_LETTERS_BAD_SEAL = ("“说明”表中的“印章”填写为“{value}”，请填写“加盖”或“不加盖”。"
                        "(印章 must be 加盖 or 不加盖)")
HELP_LETTERS_NO_TABLE = "不随通知附送原表格式的任务分工（默认附送，作为最后一个附件）"
MSG_LETTERS_NO_UNIT_ROWS = ("要求 {ids} 没有任何责任单位，不会写入任何通知。请在“任务分工”表中补上单位。"
                            "(requirements without a unit go into no letter)")
MSG_LETTERS_NO_ISSUER = ("“说明”表中没有发文单位，通知没有落款，反馈表也不知报送给谁。"
                         "请在“说明”表填写发文单位。(no 发文单位)")
MSG_LETTERS_NO_DEADLINE = ("“说明”表中没有反馈截止日期，通知只写“按要求报送”。"
                           "请在“说明”表填写反馈截止日期。(no 反馈截止日期)")
MSG_LETTERS_NO_TITLE = ("“说明”表中没有标题，通知标题用“{fallback}”。请在“说明”表填写标题。"
                        "(no 标题: a general letter title is used)")
# Status rules with thresholds (说明 settings; docs/progress.md "Status rules").
SET_YELLOW_POINTS = "黄色阈值"
SET_RED_POINTS = "红色阈值"
YELLOW_POINTS_DEFAULT = 10
RED_POINTS_DEFAULT = 30
YELLOW_POINTS_HELP = ("单位或目标的“进度”（已完成的，加上已反馈、未过完成时限的推进中/长期推进）落后于序时进度"
                      "超过这么多个百分点时标黄；默认 10。")
RED_POINTS_HELP = "落后于序时进度超过这么多个百分点时标红；默认 30（有逾期未完成的照样标红）。"
MSG_BAD_POINTS = ("“说明”表中的“{key}”填写为“{value}”，请填写 0–100 之间的数（百分点）。"
                  "(threshold must be a number of percentage points)")
WHY_BEHIND_POINTS = "落后序时进度{points}个百分点"
WHY_LATE_REPORT = "逾期反馈"
RATE_NOT_REPORTED = "未报"
SCOL_NO_STATUS = "未填状态"  # 汇总 by unit: rows without a recognised 状态 (unreported included)
SCOL_FREE_STATUS = "其他状态"  # 状态分布: a 状态 written in free text
SCOL_EMPTY_ROW = "已交未填"  # 状态分布: the row came back empty
SCOL_NO_FILE = "未报"  # 状态分布: no report for the row
DATE_FORMAT_CN = 'yyyy"年"m"月"d"日"'
SUM_LEGEND_RULES_2 = (
    "标识：红 = 已过完成时限未完成，反馈截止后仍未报送（含交回空表），或进度落后序时进度超过{red}个百分点；"
    "黄 = 7 天内到期未完成、进度落后序时进度超过{yellow}个百分点、时限过半仍未启动、尚未反馈、部分未反馈或逾期反馈；"
    "绿 = 已按时反馈且按序时推进。进度 = 已完成的，加上已反馈且未过完成时限的推进中、长期推进。"
    "已反馈只计填写了内容的报送，空表不计；未报送的单位完成率记“未报”。")
# 通报 / 催办 an office signs (issue 19).
REPORT_RECIPIENTS = "各有关单位"  # 主送
MARK_WORDS = {MARK_RED: "进展滞后", MARK_YELLOW: "需关注", MARK_GREEN: "正常推进"}
REPORT_GOOD_UNITS = "{units}等{count}个单位"
REMIND_TABLE_LIMIT = 8  # more owed rows than this: grouped by what is owed, no table
# The progress sheet a unit prints and fills (issue 19).
PROGRESS_STATUS_PROMPT_TITLE = "状态怎么选"
PROGRESS_STATUS_PROMPT = ("未启动：尚未开始；推进中：已开始、尚未完成；已完成：全部完成，请在“完成时间”填实际完成日期；"
                          "长期推进：常态化工作，没有完成节点，写明本期做了什么。")
PROGRESS_DATE_PROMPT_TITLE = "完成时间"
PROGRESS_DATE_PROMPT = ("已完成的，填实际完成日期；尚未完成的，填预计完成日期。"
                        "请输入日期，如 2019-06-30。")
PROGRESS_SEND_TO = "填好后请于{deadline}前{delivery}报送{issuer}{contact}。"
PROGRESS_SEND_TO_NO_DEADLINE = "填好后请{delivery}报送{issuer}{contact}。"
PROGRESS_SEND_BY = "通过{delivery}"
PROGRESS_SEND_CONTACT = "（{contact}{phone}）"
PROGRESS_ISSUER_DEFAULT = "发文单位"
# 版头 of the letters (说明 → 版头): none (pre-printed 红头 paper), 文件 (发文机关标志 + red
# line, GB/T 9704 7.2), 信函 (信函格式, GB/T 9704 10.1).
SET_MASTHEAD = "版头"
MASTHEAD_NONE = "无"
MASTHEAD_FILE = "文件"
MASTHEAD_LETTER = "信函"
MASTHEADS = (MASTHEAD_NONE, MASTHEAD_FILE, MASTHEAD_LETTER)
MASTHEAD_HELP = ("无：不印版头（用印好的红头纸，默认）；文件：印发文机关标志“××文件”和红色分隔线；"
                 "信函：信函格式，发文机关标志下为红色双线，发文字号居右。")
MASTHEAD_FILE_SUFFIX = "文件"
MSG_LETTERS_BAD_MASTHEAD = ("“说明”表中的“版头”填写为“{value}”，请填写：{allowed}。"
                            "(版头 must be one of the listed values)")
HELP_LETTERS_NUMBER = ("每份通知各自的发文字号，{n} 处填序号，如 洮政办函〔2019〕{n}号；"
                       "默认用“说明”表的发文字号（其中有 {n} 时同样按单位编号）")
HELP_LETTERS_FIRST_NUMBER = "发文字号中 {n} 的起始序号（默认 1）"
MSG_LETTERS_BAD_NUMBER = ("发文字号“{value}”有误：{n} 只能出现一次，且不能有其他花括号。"
                          "(the number pattern takes one {{n}})")
# 报送方式 (说明): how the filled-in progress sheet goes back, e.g. 电子邮件 zwgk@example.cn, OA系统.
SET_DELIVERY = "报送方式"
DELIVERY_HELP = "反馈表怎么交回，如“电子邮件（zwgk@taonan.gov.cn）”“OA系统”；写入通知和反馈表，空着不写。"
# 反馈轮次 (说明): the round the letters and progress sheets name, e.g. 2019年第一季度.
SET_ROUND = "反馈轮次"
ROUND_HELP = ("本轮反馈的名称，如“2019年第一季度”；写入通知的反馈要求和进度反馈表的“轮次”"
              "（split 不加 --round 时用它）；空着时通知不写，反馈表写当月，如“2019-06”。")
# 发文方式 (说明; `letters --one-notice`): one 交办通知 per unit (default), or one 通知 to
# all units (主送 各有关单位) with each unit's requirements as its own 附件.
SET_FORM = "发文方式"
FORM_EACH = "每单位一份"
FORM_NOTICE = "统一通知"
FORMS = (FORM_EACH, FORM_NOTICE)
FORM_HELP = ("每单位一份：给每个单位一份交办通知（默认）；统一通知：一份通知主送各有关单位，"
             "每个单位的具体要求作为附件（附件1-单位.docx），各发给该单位。也可用 letters --one-notice。")
# 说明 explains every setting (third column); settings added by later features, with
# their default, written on 说明 even when the workbook did not have them yet.
SETTING_HELP_HEADER = "说明"
SETTINGS_WITH_DEFAULT = ((SET_SEAL, SEAL_YES), (SET_MASTHEAD, MASTHEAD_NONE), (SET_DELIVERY, ""),
                         (SET_ROUND, ""), (SET_FORM, FORM_EACH),
                         (SET_YELLOW_POINTS, str(YELLOW_POINTS_DEFAULT)),
                         (SET_RED_POINTS, str(RED_POINTS_DEFAULT)))
SETTING_HELP = {
    SET_TITLE: "原文件标题；通知标题为“关于落实《标题》任务分工的通知”（标题已是分工、方案、要点、清单等时为“关于落实《标题》的通知”）。",
    SET_YEAR: "年度；把“6月底前”等换算为日期，计算序时进度。",
    SET_ISSUER: "发文单位全称；通知落款、反馈表“报送”对象；发文单位自己不发通知、不催办。",
    SET_DOC_NUMBER: "发文字号，如 洮政办函〔2019〕8号（年份写成〔〕）。",
    SET_FEEDBACK_DEADLINE: "各单位报送进度反馈表的截止日期，如 2019-04-10；过期未报的标红。",
    SET_CONTACT: "通知、反馈表、催办上写的联系人。",
    SET_PHONE: "联系人的电话。",
    SET_STATUSES: "进度反馈表“状态”下拉选项，用顿号分隔；空着用默认：未启动、推进中、已完成、长期推进。",
    SET_ISSUE_DATE: "通知的成文日期，如 2019-03-25；空着用当天。",
    SET_SOURCE_COLUMNS: "原表的列及顺序，导出“原表格式”时使用；一般不用改。",
    SET_SEAL: SEAL_HELP,
    SET_MASTHEAD: MASTHEAD_HELP,
    SET_DELIVERY: DELIVERY_HELP,
    SET_ROUND: ROUND_HELP,
    SET_FORM: FORM_HELP,
    SET_YELLOW_POINTS: YELLOW_POINTS_HELP,
    SET_RED_POINTS: RED_POINTS_HELP,
}
CHK_REVIEW_OPEN = ("“待核对”表中还有 {count} 条没有填写“核对结果”（第 {rows} 行）。请对照原文逐条核对，"
                   "填写“无误”“已修改”或“待定”后再下发。(review notes not yet checked)")
REVIEW_MANY_LEADS = "多个牵头单位"
# A unit named in two roles in two places of one requirement (牵头单位 and 业主单位 columns both
# 区城管局): both roles are kept (two rows on 任务分工); letters and progress files count it once.
NOTE_UNIT_TWO_ROLES = ("“{unit}”在本条中既列为{first}单位又列为{second}单位，两个角色都已保留"
                       "（“任务分工”表中各占一行；交办通知和进度表中只列一次，按{kept}单位记）。")
MANY_LEADS_MIN = 3  # this many lead units on a requirement worded "…等牵头抓好相关领域…": ask
MANY_LEADS_WORDS = ("相关领域", "各自领域", "分别牵头", "等牵头", "按职责分工")
NOTE_MANY_LEADS = ("要求 {req_id} 各有 {count} 个牵头单位（原文“{text}”）：是各单位分别牵头本领域的工作，"
                   "还是共同牵头全部工作？如是各自领域，请在“任务分工”表的“备注”中写明各单位负责的领域，"
                   "进度将按单位分别反馈。")
# 专报 (report --leaders): the same figures for the leadership — no 主送, its own title,
# the requests put to the leaders; never mixed with the 通报's wording.
REPORT_TITLE_LEADERS = "{title}落实情况专报"
REPORT_TITLE_LEADERS_DEFAULT = "任务分工落实情况专报"
TPL_REPORT_EXT_INTRO = ("{{ extension_count }}个事项申请延期，{% if leaders %}请领导审定{% else %}情况如下{% endif %}：")
TPL_REPORT_NEXT_HEADING = "六、{% if leaders %}下步工作{% else %}下步要求{% endif %}"
TPL_REPORT_NEXT_LEADERS = ("下步，将督促逾期未报的单位尽快补报进展情况，对进展滞后的事项逐项跟踪督办，"
                           "下一轮进展情况将继续报告。")
HELP_REPORT_LEADERS = "写给领导的专报（无主送、请领导审定延期申请），而不是发给各单位的通报"
# 按职能 rows (issue 19): every progress sheet carries one row per task whose requirements
# bind 各相关部门 "按职能分别落实", answered once per task.
ROLE_FUNCTIONAL = "按职能"  # 角色 of such a row (not a Role of the plan)
FUNCTIONAL_ID = "{task}-职能"  # its 要求编号, e.g. 4-职能 (4-按职能 is read too)
FUNCTIONAL_TEXT = "按职能落实（全文见任务分工表）：\n{items}"
FUNCTIONAL_ITEM = "{id} {text}"
FUNCTIONAL_ITEM_SEPARATOR = "\n"
FUNCTIONAL_ITEM_CHARS = 20  # each requirement's text on the row, then "…"
PROGRESS_FUNCTIONAL_NOTE = ("角色为“按职能”的行：本任务中由各相关部门按职能分别落实的要求，每个任务只填一行，"
                            "写明你单位按职能做了什么；与你单位职能无关的，状态可不选，在“进展情况”写“不涉及”。")
SCOL_FUNCTIONAL = "按职能已报"  # 汇总 by unit: "3/19" = rows answered / rows sent
WHY_FUNCTIONAL_MISSING = "按职能事项未报 {count} 项"
ISSUE_FUNCTIONAL_EMPTY = "按职能事项未填"
MSG_ISSUE_FUNCTIONAL_EMPTY = ("按职能落实的 {count} 个任务（{ids}）未填写，按未报处理；"
                              "请该单位写明按职能做了什么，或写“不涉及”。")
SUM_LEGEND_FUNCTIONAL = ("按职能：每个单位对每个含“各相关部门按职能分别落实”要求的任务填一行，单独计数"
                         "（“按职能已报”列：已填行数/应填行数；明细在“进度”表末尾），不计入应报、完成率和序时进度；反馈截止后仍未填的，"
                         "单位至少标黄并写明原因；只以按职能方式承担任务的单位（如开发区）按这些行判断是否反馈。")
# A 牵头 unit that shares the lead reads it under its requirement on the progress sheet.
CO_LEADS_NOTE = "\n（本项共{count}家牵头，另有{others}）"
CO_LEADS_NAMED = 3  # other leads named; more: "X、Y、Z等N家"
CO_LEADS_MORE = "{first}等{count}家"
MSG_LETTERS_BAD_FORM = ("“说明”表中的“发文方式”填写为“{value}”，请填写：{allowed}。"
                        "(unknown letter form)")
NOTICE_RECIPIENTS = "各有关单位"  # 主送 of the one 通知
NOTICE_FILE = "{title}"  # the one 通知, named by its title (.docx)
NOTICE_ANNEX_FILE = "附件1-{unit}"  # each unit's 附件 (.docx)
NOTICE_ANNEX_TITLE = "各单位承担的具体要求（每个单位一份）"
NOTICE_PROGRESS_TITLE = "各单位进度反馈表"
NOTICE_PROGRESS_FILE = "进度反馈表-本单位名称.xlsx"
TPL_OPENING_NOTICE = ("{% if title %}为贯彻落实《{{ title }}》，{% endif %}确保各项任务落到实处，"
                      "现将各单位承担的具体要求印发给你们（见附件1，每个单位一份），"
                      "请认真组织落实，按时报送进展情况。")
TPL_ANNEX_LABEL = "附件{{ annex_no }}"
TPL_ANNEX_TITLE = "{{ unit }}承担的具体要求"
MSG_LETTERS_NOTICE = "统一通知 → {path}（附件：{count} 个单位各一份）"
HELP_LETTERS_ONE_NOTICE = ("一份通知主送各有关单位，每个单位的具体要求作为附件各一份"
                           "（默认按“说明”表的“发文方式”，通常每单位一份交办通知）")
