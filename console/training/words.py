"""The words of the training session report, in the two languages the console speaks.

The report is written by the CLI (``training report``) as well as by the trainer's window,
so its words cannot come from the window's Qt catalogues; they are kept here, in the same
wording as the window's (``ui/labels.py``, the wrap-up's finding labels), so a trainer
reads the same "Suspend service" / 「暫停服務」 on the scorecard and in the report.
"""

from __future__ import annotations

_TEXT: dict[str, tuple[str, str]] = {  # key: (en, zh_TW)
    "title": ("Training session report", "訓練課程報告"),
    "demo": ("DEMO · training data, not real customers", "示範 · 訓練資料，非真實客戶"),
    "written": ("Written {at} · {n} attempts", "製表時間 {at} · 共 {n} 次作答"),
    "written_one": ("Written {at} · 1 attempt", "製表時間 {at} · 共 1 次作答"),
    "filtered": ("Only {what}", "僅限 {what}"),
    "none": ("No attempts were kept in this session yet.", "本次課程尚無作答紀錄。"),
    "summary": ("Per trainee", "各學員摘要"),
    "attempts_title": ("Attempts, in the order they were made", "作答紀錄（依時間先後）"),
    "all_trainees": ("All trainees", "全部學員"),
    # attempt columns
    "at": ("When", "時間"),
    "trainee": ("Trainee", "學員"),
    "scenario": ("Scenario", "情境"),
    "score": ("Score (%)", "得分（%）"),
    "points": ("Points", "分數"),
    "over": ("Over-credited ({cur})", "多退（{cur}）"),
    "under": ("Under-credited ({cur})", "少退（{cur}）"),
    "time": ("Time to resolution (m:ss)", "處理時間（分:秒）"),
    "hints": ("Hints", "提示"),
    "hints_hidden": ("hidden", "已隱藏"),
    "hints_shown": ("shown", "顯示"),
    "missed": ("Missed", "遺漏"),
    "extra": ("Not called for", "不必要的處理"),
    # summary columns
    "attempts": ("Attempts", "作答次數"),
    "average": ("Average score (%)", "平均得分（%）"),
    "perfect": ("Full marks", "滿分次數"),
    "average_time": ("Average time (m:ss)", "平均處理時間（分:秒）"),
    # missed and extra items
    "for_months": ("{what} for {months}", "{what}（{months}）"),
    "finding": ("Not named: {what}", "未指出：{what}"),
    "colon": (": ", "："),
}

ACTIONS: dict[str, tuple[str, str]] = {
    "suspend_service": ("Suspend service", "暫停服務"),
    "cancel_service": ("Cancel service", "取消服務"),
    "issue_credit": ("Credit", "折抵"),
    "open_case": ("Open case", "開立案件"),
    "schedule_callback": ("Schedule callback", "排定回電"),
    "request_evidence": ("Request evidence", "請客戶提供證明"),
}

FINDINGS: dict[str, tuple[str, str]] = {
    "notice_contradicts_contract": ("A notice contradicts the contract", "通知與合約矛盾"),
    "promo_not_applied": ("Promotion not applied", "未套用優惠"),
    "charged_after_cancel_attempt": ("Charged after a cancellation attempt", "申請取消後仍收費"),
    "charged_while_suspended": ("Charged while suspended", "暫停期間仍收費"),
    "duplicate_charge": ("Charged twice", "重複收費"),
    "unused_paid_service": ("Paid service never used", "付費服務從未使用"),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language.startswith("zh") else pair[0]


def text(key: str, language: str, **values: object) -> str:
    return _pick(_TEXT[key], language).format(**values)


def action(kind: str, language: str) -> str:
    return _pick(ACTIONS[kind], language) if kind in ACTIONS else kind


def finding(code: str, language: str) -> str:
    return _pick(FINDINGS[code], language) if code in FINDINGS else code
