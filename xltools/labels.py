"""Every Chinese user-facing string and header alias lives here.

Code elsewhere uses English identifiers and refers to these constants.
Sections are marked so that features can add their own strings without
touching each other's.
"""

from __future__ import annotations

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
REVIEW_COLUMNS = (RCOL_NO, RCOL_KIND, RCOL_REQ_ID, RCOL_MESSAGE, RCOL_LINE, RCOL_SOURCE)

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
SETTING_KEYS = (SET_TITLE, SET_YEAR, SET_ISSUER, SET_DOC_NUMBER,
                SET_FEEDBACK_DEADLINE, SET_CONTACT, SET_PHONE, SET_STATUSES)
SETTINGS_END_MARKER = "使用说明"

README_LINES = (
    "1. 本工作簿由 xltools 从原始任务分工表生成，每行对应“一条具体要求 × 一个单位”。",
    "2. 在“任务分工”表中修改单位、角色、完成时限；单位和角色可从下拉列表选择。",
    "3. 新增单位请写在“单位”表的末尾，下拉列表会自动包含它；合并或拆分单位请同时修改“别名”列。",
    "4. 要求编号格式为“任务序号-要求序号”（如 1-2），请以文本形式填写，勿让 Excel 改成日期。",
    "5. “待核对”表列出导入时的每一处判断，请逐条核对原文后再下发。",
    "6. 修改后可运行“校验”（xltools check）检查单位、角色、日期和编号是否一致。",
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
# A units header that names one role for the whole column.
UNITS_HEADER_ROLE = {
    "牵头单位": ROLE_LEAD, "牵头部门": ROLE_LEAD, "主办单位": ROLE_LEAD,
    "牵头科室": ROLE_LEAD, "牵头责任单位": ROLE_LEAD,
    "配合单位": ROLE_ASSIST, "配合部门": ROLE_ASSIST, "协同单位": ROLE_ASSIST,
    "协办单位": ROLE_ASSIST, "参与单位": ROLE_ASSIST, "配合科室": ROLE_ASSIST,
    "协同责任单位": ROLE_ASSIST,
}

# Page chrome that scraped pages carry around the table.
PAGE_CHROME = ("登录", "注册", "首页", "当前位置", "打印本页", "关闭窗口", "分享到",
               "字体", "浏览次数", "来源", "发布时间", "政府信息公开", "【打印】", "【关闭】",
               "扫一扫", "收藏", "返回顶部", "上一篇", "下一篇", "网站地图", "无障碍")

# ------------------------------------------------------ units wording
# Words that mark a role inside a units clause.
LEAD_WORDS = ("牵头", "主办", "牽頭")
ASSIST_WORDS = ("配合", "协助", "参与", "协同", "協助", "參與", "協同", "协办")
RESPONSIBLE_WORDS = ("负责", "落实", "抓好", "承办", "實施", "负總責", "負責", "落實", "分工负责")
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
    "编办": "机构编制委员会办公室", "宣传部": "委宣传部", "网信办": "委网络安全和信息化委员会办公室",
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
                 "市", "镇", "乡", "班", "署", "馆", "台", "社", "团", "校", "组")

# ------------------------------------------------------------- deadlines
DEADLINE_WORDS = ("持续推进", "长期坚持", "长期推进", "持续开展", "每季度", "每月", "每年", "每半年",
                  "常态化", "长期", "持续", "按时", "适时", "全年", "年内")

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
MSG_WRITE_FAILED = "无法写入 {path}：{reason}。文件是否在 Excel 中打开？(cannot write; is the file open in Excel?)"

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
                "{units} 个单位；{notes} 条待核对。→ {path}")
MSG_TEMPLATE_WRITTEN = "已生成空白模板：{path}"
MSG_DEMO_DONE = "示例已完成，输出在 {path}"

# Review messages written by the readers (待核对).
NOTE_TASK_NAME_JOINED = "任务名称中有多余空格，已合并为“{name}”。"
NOTE_GOAL_LABEL_STRAY = "目标“{goal}”的标签单独出现在任务 {task_no} 前，按上下文判断任务 {task_no} 属于目标“{chosen}”（标签可能是分页重复）。"
NOTE_GOAL_INFERRED = "任务 {task_no}“{task}”前没有目标标签，按上下文归入目标“{goal}”。"
NOTE_UNITS_INHERITED = "责任单位为空（合并单元格），沿用上一条要求的责任单位：{units}"
NOTE_NO_UNITS = "没有找到责任单位，请手工填写。"
NOTE_UNIT_MERGED = "“{alias}”与“{name}”视为同一单位，已合并（可在“单位”表的别名列撤销）。"
NOTE_GENERIC_UNIT = "“{phrase}”视为泛指单位“{generic}”。"
NOTE_DUPLICATE_UNIT = "责任单位中“{unit}”重复出现，只保留一次。"
NOTE_DUPLICATE_CLAUSE = "责任单位中重复的分句“{clause}”只保留一次。"
NOTE_DEADLINE_IN_TEXT = "完成时限取自要求原文中的“{text}”。"
NOTE_UNKNOWN_ROLE = "“{clause}”未写明角色，按“责任”处理。"
NOTE_SKIPPED_LINE = "此行不属于表格，已忽略。"
NOTE_ROW_SPLIT_GUESS = "无法确定要求与责任单位的分界，整行作为要求处理。"
NOTE_UNITS_FROM_LIST_TAIL = "“{tail}”已从单位名称中去除。"
NOTE_TITLE_GUESSED = "标题取自原文“{title}”，年度 {year}。"
NOTE_NO_YEAR = "原文中没有年度，完成时限中的“年底前”等无法换算为日期。请用 --year 指定。"

# ------------------------------------------------------------- letters
# (issue 4 adds its strings here)

# ------------------------------------------------------------ progress
# (issue 5 adds its strings here)

# ---------------------------------------------------------- other readers / export
# (issue 3 adds its strings here)

# --------------------------------------------------------------- excel
# (issue 6 adds its strings here)
