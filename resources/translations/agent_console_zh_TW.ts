<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ActionEditDialog</name>
    <message>
        <location filename="../../ui/action_edit.py" line="42"/>
        <source>Edit the action</source>
        <translation>修改動作</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="49"/>
        <source>Action:</source>
        <translation>動作：</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="53"/>
        <source>Credit amount</source>
        <translation>折抵金額</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="55"/>
        <source>at most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="56"/>
        <source>&amp;Amount (at most %1):</source>
        <translation>金額(&amp;A)（最多 %1）：</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="65"/>
        <source>Months:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="76"/>
        <source>&amp;When:</source>
        <translation>時間(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>ApprovalsWidget</name>
    <message>
        <location filename="../../ui/approvals.py" line="255"/>
        <source>Approvals queue</source>
        <translation>待核准清單</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="257"/>
        <source>Nothing is waiting for approval.</source>
        <translation>目前沒有等待核准的折抵。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="258"/>
        <source>Credits waiting for approval</source>
        <translation>等待核准的折抵</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="259"/>
        <source>Enter opens the caller; Approve and Reject ask first.</source>
        <translation>按 Enter 開啟此客戶；核准與退回前都會先確認。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="260"/>
        <source>Selected credit</source>
        <translation>所選折抵</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="261"/>
        <source>Rea&amp;son:</source>
        <translation>理由(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="262"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="263"/>
        <source>required to reject; shown to the agent and audited</source>
        <translation>退回時必填；客服人員會看到，並記入稽核</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="264"/>
        <source>&amp;Open the caller</source>
        <translation>開啟此客戶(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="265"/>
        <source>&amp;Approve…</source>
        <translation>核准(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="266"/>
        <source>Re&amp;ject…</source>
        <translation>退回(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="267"/>
        <source>Re&amp;fresh</source>
        <translation>重新整理(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="294"/>
        <source>Finding: %1</source>
        <translation>發現：%1</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="295"/>
        <source>Agent %1 wrote: %2</source>
        <translation>客服人員 %1 的備註：%2</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="296"/>
        <source>(no notes)</source>
        <translation>（無備註）</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="304"/>
        <source>This customer has no number to open.</source>
        <translation>此客戶沒有可開啟的電話號碼。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="313"/>
        <source>Approve the credit of %1 for %2 (%3)? Billing applies it; this cannot be undone.</source>
        <translation>核准給 %2 的 %1 折抵（%3）？帳務系統將會入帳，且無法復原。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="315"/>
        <source>Reject the credit of %1 for %2 (%3)? The agent is told your reason.</source>
        <translation>退回給 %2 的 %1 折抵（%3）？客服人員會看到您的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="327"/>
        <source>Approve the credit?</source>
        <translation>核准折抵？</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="327"/>
        <source>Reject the credit?</source>
        <translation>退回折抵？</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="331"/>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="331"/>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="345"/>
        <source>Nothing decided.</source>
        <translation>未做任何決定。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="383"/>
        <source>Approved %1 for %2.</source>
        <translation>已核准給 %2 的 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="383"/>
        <source>Rejected %1 for %2.</source>
        <translation>已退回給 %2 的 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="256"/>
        <source>Credits above an agent&apos;s limit, waiting for a lead</source>
        <translation>超過客服人員額度、等待主管核准的折抵</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="322"/>
        <source>Select a credit first.</source>
        <translation>請先選擇一筆折抵。</translation>
    </message>
</context>
<context>
    <name>BillModel</name>
    <message>
        <location filename="../../ui/models/bill.py" line="198"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="198"/>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="199"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="199"/>
        <source>Used</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="200"/>
        <source>Expected</source>
        <translation>應收</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="200"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="223"/>
        <source>Usage not reported for this month</source>
        <translation>本月用量未回報</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="225"/>
        <source>Depends on the usage, which was not reported: ask for it first</source>
        <translation>取決於使用紀錄，但尚未回報：請先查證</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="227"/>
        <location filename="../../ui/models/bill.py" line="263"/>
        <source>%1, issued %2</source>
        <translation>%1，%2 出帳</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="270"/>
        <source>used %1</source>
        <translation>用量 %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="272"/>
        <source>expected %1</source>
        <translation>應收 %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="298"/>
        <source>Pending credits</source>
        <translation>待入帳折抵</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="335"/>
        <source>%1 above expected</source>
        <translation>比應收多 %1</translation>
    </message>
</context>
<context>
    <name>BillPane</name>
    <message>
        <location filename="../../ui/panes.py" line="349"/>
        <location filename="../../ui/panes.py" line="350"/>
        <source>Bill</source>
        <translation>帳單</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="356"/>
        <source>Bills by period; Right or + expands a period</source>
        <translation>依期別列出帳單；按右鍵或 + 展開</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="377"/>
        <source>Selected bill row: billed, expected and why</source>
        <translation>所選帳單列：實收、應收與原因</translation>
    </message>
</context>
<context>
    <name>BriefWindow</name>
    <message>
        <location filename="../../ui/brief_window.py" line="39"/>
        <source>Caller&apos;s brief (trainer only) — DEMO</source>
        <translation>來電者情境（僅限講師）— 示範</translation>
    </message>
    <message>
        <location filename="../../ui/brief_window.py" line="40"/>
        <source>Caller&apos;s brief</source>
        <translation>來電者情境</translation>
    </message>
    <message>
        <location filename="../../ui/brief_window.py" line="41"/>
        <source>What the trainer says as the customer; the trainee must not see it.</source>
        <translation>講師扮演客戶時要說的內容；不可讓學員看到。</translation>
    </message>
</context>
<context>
    <name>CallAssist</name>
    <message>
        <location filename="../../ui/call_assist.py" line="52"/>
        <source>Suggestions</source>
        <translation>建議</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="63"/>
        <source>&amp;Suggestions</source>
        <translation>建議(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="64"/>
        <source>Go to the suggestions</source>
        <translation>跳到建議</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="65"/>
        <source>Accept all actions of the suggestion</source>
        <translation>採用此建議的所有動作</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="67"/>
        <source>Copy the script</source>
        <translation>複製話術</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="68"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="71"/>
        <source>Suggestions · %1</source>
        <translation>建議 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="106"/>
        <location filename="../../ui/call_assist.py" line="108"/>
        <source>Trainer (DEMO)</source>
        <translation>講師（示範）</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="126"/>
        <source>Demo database reset to pristine in %1 s</source>
        <translation>示範資料庫已於 %1 秒內重設為初始狀態</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="199"/>
        <source>Call recorded</source>
        <translation>通話已記錄</translation>
    </message>
</context>
<context>
    <name>CallerBar</name>
    <message>
        <location filename="../../ui/caller_bar.py" line="52"/>
        <source>Number, name or customer id</source>
        <translation>電話、姓名或客戶編號</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="53"/>
        <source>Caller number, name or customer id</source>
        <translation>來電號碼、姓名或客戶編號</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="60"/>
        <source>Look up</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="61"/>
        <source>Look up caller</source>
        <translation>查詢來電者</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="66"/>
        <source>Lookup message</source>
        <translation>查詢訊息</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="70"/>
        <source>Caller name</source>
        <translation>來電者姓名</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="72"/>
        <source>Caller details</source>
        <translation>來電者資料</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="95"/>
        <location filename="../../ui/caller_bar.py" line="105"/>
        <source>No caller</source>
        <translation>尚無來電</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="114"/>
        <source>Type the caller&apos;s number, name or customer id</source>
        <translation>請輸入來電號碼、姓名或客戶編號</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="168"/>
        <source>Warning</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="168"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="131"/>
        <source>Looking up %1 …</source>
        <translation>正在查詢 %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="140"/>
        <source>ID %1</source>
        <translation>身分證 %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="155"/>
        <source>No flags</source>
        <translation>無提醒</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Agent Console</source>
        <translation>客服工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>DEMO (nothing reaches real systems)</source>
        <translation>示範模式（不會送到正式系統）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Ready: type the caller&apos;s number and press Enter · F1 lists every key</source>
        <translation>就緒：輸入來電號碼後按 Enter · 按 F1 查看所有快速鍵</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Caller</source>
        <translation>來電(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Bill</source>
        <translation>帳單(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>C&amp;all</source>
        <translation>通話(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Go to the number field</source>
        <translation>跳到號碼欄</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>Retry the lookup</source>
        <translation>重新查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>Next pane</source>
        <translation>下一個窗格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Previous pane</source>
        <translation>上一個窗格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Contract pane</source>
        <translation>合約窗格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Notifications pane</source>
        <translation>通知窗格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Bill pane</source>
        <translation>帳單窗格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>History with us</source>
        <translation>往來紀錄</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Clear highlights</source>
        <translation>清除標示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Expand or collapse the period</source>
        <translation>展開或收合此期</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Expand all periods</source>
        <translation>展開所有期別</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>Collapse all periods</source>
        <translation>收合所有期別</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Wrap up the call…</source>
        <translation>結束通話並記錄…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>About Agent Console</source>
        <translation>關於客服工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Look up the number, name or customer id in the number field</source>
        <translation>查詢號碼欄中的電話、姓名或客戶編號</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Move to the next / previous pane or control</source>
        <translation>移到下一個／上一個窗格或控制項</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Up / Down</source>
        <translation>上 / 下</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Move between the rows of a table</source>
        <translation>在表格的列之間移動</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>No customer has the number %1. Check it with the caller, or type their name or customer id and press Enter.</source>
        <translation>沒有客戶使用號碼 %1。請與來電者核對號碼，或輸入姓名或客戶編號後按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>“%1” is not a phone number. Retype it, or type the caller&apos;s name or customer id.</source>
        <translation>「%1」不是電話號碼。請重新輸入，或輸入來電者的姓名或客戶編號。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="463"/>
        <source>No customer&apos;s name or id matches “%1”. Try the phone number or the full customer id.</source>
        <translation>沒有客戶的姓名或編號符合「%1」。請改用電話號碼或完整的客戶編號。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>This customer source cannot search by name: type the phone number or the customer id.</source>
        <translation>此客戶資料來源無法以姓名搜尋：請輸入電話號碼或客戶編號。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>The lookup of %1 failed unexpectedly (%2); the details are in the log.</source>
        <translation>查詢 %1 時發生非預期的錯誤（%2）；詳情已寫入紀錄檔。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>Could not look up %1: the customer data cannot be reached (%2).</source>
        <translation>無法查詢 %1：連不上客戶資料（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="480"/>
        <source>Customers matching %1</source>
        <translation>符合「%1」的客戶</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490"/>
        <source>%1 customers match “%2”: choose one.</source>
        <translation>有 %1 位客戶符合「%2」：請選擇一位。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>No caller on screen.</source>
        <translation>畫面上沒有來電者。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>{n} contract</source>
        <translation>{n} 份合約</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>{n} contracts</source>
        <translation>{n} 份合約</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>{n} notification</source>
        <translation>{n} 則通知</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>{n} notifications</source>
        <translation>{n} 則通知</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>{n} bill</source>
        <translation>{n} 期帳單</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>{n} bills</source>
        <translation>{n} 期帳單</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="577"/>
        <source>The customer system did not answer (%1). Showing the copy of this caller read %2 (%3): it may be out of date. You can still record the call.</source>
        <translation>客戶系統沒有回應（%1）。目前顯示的是%2（%3）讀取的客戶資料副本，內容可能不是最新；仍可照常記錄這通電話。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Left / Right</source>
        <translation>左 / 右</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Timeline: previous / next mark</source>
        <translation>時間軸：上一個 / 下一個標記</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Timeline: show the mark&apos;s item in its pane</source>
        <translation>時間軸：在窗格中顯示該標記的項目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Right / Left, + / -</source>
        <translation>右 / 左、+ / -</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Bill: expand / collapse a period</source>
        <translation>帳單：展開 / 收合一期</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Inside the panes</source>
        <translation>窗格內</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Agent Console %1
Contract, notifications and bill side by side.</source>
        <translation>客服工作台 %1
合約、通知與帳單並列對照。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Wrap-up is not available in this build yet</source>
        <translation>此版本尚未提供通話記錄功能</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="547"/>
        <source>No notifications were sent to this customer.</source>
        <translation>沒有寄給此客戶的通知。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>The journal cannot be read: %1</source>
        <translation>無法讀取通話日誌：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>No calls with this customer recorded on this workstation yet.</source>
        <translation>本工作站尚無此客戶的通話紀錄。</translation>
    </message>
</context>
<context>
    <name>ContractPane</name>
    <message>
        <location filename="../../ui/panes.py" line="252"/>
        <source>Contract</source>
        <translation>合約</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="262"/>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="263"/>
        <source>Contract clauses</source>
        <translation>合約條款</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="268"/>
        <source>Selected clause, full text</source>
        <translation>所選條款全文</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../ui/dashboard.py" line="244"/>
        <source>Floor dashboard</source>
        <translation>現場儀表板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="245"/>
        <source>&amp;From</source>
        <translation>從(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="246"/>
        <source>&amp;to</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="247"/>
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="248"/>
        <source>Last day</source>
        <translation>結束日</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="250"/>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="251"/>
        <source>Calls per day by outcome</source>
        <translation>每日通話（依結果）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="252"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="252"/>
        <location filename="../../ui/dashboard.py" line="256"/>
        <location filename="../../ui/dashboard.py" line="258"/>
        <source>Calls</source>
        <translation>通話數</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="253"/>
        <source>Credits issued per day</source>
        <translation>每日折抵</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Credits</source>
        <translation>折抵筆數</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255"/>
        <location filename="../../ui/dashboard.py" line="266"/>
        <source>Top root causes</source>
        <translation>主要根本原因</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="256"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="257"/>
        <location filename="../../ui/dashboard.py" line="266"/>
        <source>Top findings</source>
        <translation>主要發現</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="258"/>
        <source>Finding</source>
        <translation>發現</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="259"/>
        <source>Sync health</source>
        <translation>同步狀態</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Hook</source>
        <translation>同步目標</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Delivered</source>
        <translation>已送達</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Pending</source>
        <translation>待送</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Failing</source>
        <translation>送出失敗</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>Dead</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>Last delivered</source>
        <translation>最後送達</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="262"/>
        <source>Click a bar or a row to export the calls behind it.</source>
        <translation>點選長條或列，即可匯出其背後的通話。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="263"/>
        <source>Chart: calls per day by outcome</source>
        <translation>圖表：每日通話（依結果）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="264"/>
        <source>Chart: credits issued per day</source>
        <translation>圖表：每日折抵</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="265"/>
        <source>Calls per outcome</source>
        <translation>各結果的通話數</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="265"/>
        <source>Credits per day</source>
        <translation>每日折抵</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="267"/>
        <source>Sync health per hook</source>
        <translation>各同步目標的狀態</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="272"/>
        <source>The numbers are in the table beside the chart.</source>
        <translation>數字列在圖表旁的表格中。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="275"/>
        <source>Enter or a click on a row exports the calls behind it.</source>
        <translation>在列上按 Enter 或點選，即可匯出其背後的通話。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="276"/>
        <source>Loads the dashboard for the days chosen.</source>
        <translation>載入所選日期的現場儀表板。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="305"/>
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 通通話</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="306"/>
        <source>%1 credit(s) issued</source>
        <translation>
            <numerusform>已折抵 %1 筆</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="308"/>
        <source>%1 waiting for approval</source>
        <translation>
            <numerusform>%1 筆等待核准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="380"/>
        <source>%1 refused for good: a lead must look</source>
        <translation>
            <numerusform>%1 筆遭拒收：需主管處理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="382"/>
        <source>failing, retrying</source>
        <translation>送出失敗，重試中</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="384"/>
        <source>sending</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="385"/>
        <source>up to date</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="396"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="404"/>
        <source>Demo: delivery is off; nothing reaches real systems.</source>
        <translation>示範模式：不傳送，任何資料都不會送到正式系統。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="406"/>
        <source>The sync hooks cannot be read: %1</source>
        <translation>無法讀取同步設定：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="408"/>
        <source>No hooks configured: calls stay on this workstation.</source>
        <translation>未設定同步目標：通話紀錄只保存在這台工作站。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="410"/>
        <source>Per hook, what reached the central systems (as agent-console sync status).</source>
        <translation>各同步目標已送達中央系統的情形（同 agent-console sync status）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="288"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="355"/>
        <location filename="../../ui/dashboard.py" line="373"/>
        <source>All</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="362"/>
        <source>Amount credited</source>
        <translation>折抵金額</translation>
    </message>
</context>
<context>
    <name>DecisionWatcher</name>
    <message>
        <location filename="../../ui/decisions.py" line="159"/>
        <source>✓ Credit %1 for %2 approved by %3</source>
        <translation>✓ 給 %2 的 %1 折抵已由 %3 核准</translation>
    </message>
    <message>
        <location filename="../../ui/decisions.py" line="161"/>
        <source>✗ Credit %1 for %2 rejected by %3</source>
        <translation>✗ 給 %2 的 %1 折抵已由 %3 退回</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../ui/demo_banner.py" line="34"/>
        <source>Training mode</source>
        <translation>訓練模式</translation>
    </message>
    <message>
        <location filename="../../ui/demo_banner.py" line="35"/>
        <source>DEMO · training mode: made-up customers, nothing reaches real systems</source>
        <translation>示範 · 訓練模式：虛構客戶，不會送到正式系統</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Retry the lookup</source>
        <translation>重新查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="248"/>
        <source>Export call logs</source>
        <translation>匯出通話紀錄</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="255"/>
        <source>all agents (or ids separated by commas)</source>
        <translation>全部客服人員（或以逗號分隔的代號）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="274"/>
        <source>Include full phone numbers and ids (audited)</source>
        <translation>包含完整電話號碼與證號（記入稽核）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="242"/>
        <source>Personal data is masked unless you ask otherwise.</source>
        <translation>除非您另行指定，個人資料都會遮蔽。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="73"/>
        <source>CSV for Excel (.csv)</source>
        <translation>Excel 用 CSV（.csv）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="74"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 活頁簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="75"/>
        <source>JSON lines (.jsonl)</source>
        <translation>JSON lines（.jsonl）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="249"/>
        <source>&amp;Days from</source>
        <translation>日期從(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="250"/>
        <source>t&amp;o</source>
        <translation>到(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="251"/>
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="252"/>
        <source>Last day</source>
        <translation>結束日</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="254"/>
        <source>A&amp;gents</source>
        <translation>客服人員(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="256"/>
        <source>O&amp;utcomes</source>
        <translation>結果(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="257"/>
        <source>&amp;Root causes</source>
        <translation>根本原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="258"/>
        <source>Fi&amp;ndings</source>
        <translation>發現(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="266"/>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="267"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="270"/>
        <source>F&amp;ile</source>
        <translation>檔案(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="271"/>
        <source>File to write</source>
        <translation>要寫入的檔案</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="272"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="273"/>
        <source>Choose the file to write</source>
        <translation>選擇要寫入的檔案</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="276"/>
        <source>Every unmasked export is written to the audit log.</source>
        <translation>每次不遮蔽的匯出都會記入稽核紀錄。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="277"/>
        <source>Your role may not export unmasked data.</source>
        <translation>您的角色不得匯出未遮蔽的資料。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="278"/>
        <source>Export progress</source>
        <translation>匯出進度</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="279"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="280"/>
        <source>&amp;Cancel export</source>
        <translation>取消匯出(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320"/>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="338"/>
        <source>Replace the file?</source>
        <translation>要取代檔案嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="339"/>
        <source>%1 already exists. Replace it with this export?</source>
        <translation>%1 已存在。要以這次匯出取代嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="343"/>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="359"/>
        <source>Nothing exported: choose another file name.</source>
        <translation>未匯出：請改用其他檔名。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="364"/>
        <source>Counting calls…</source>
        <translation>計算通話數中…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="371"/>
        <source>Cancelling…</source>
        <translation>取消中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="385"/>
        <source>%2 of %1 call(s) written…</source>
        <translation>
            <numerusform>已寫入 %2 / %1 通通話…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="392"/>
        <source>%1 call(s) written to %2</source>
        <translation>
            <numerusform>已將 %1 通通話寫入 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="406"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>{service}: free trial ended {ago} ({date}), now billed</source>
        <translation>{service}：免費期已於{ago}結束（{date}），目前計費中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>{service}: free trial ends {ago} ({date})</source>
        <translation>{service}：免費期將於{ago}結束（{date}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>{service}: term ended {ago} ({date})</source>
        <translation>{service}：合約期已於{ago}結束（{date}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>{service}: term ends {ago} ({date})</source>
        <translation>{service}：合約期將於{ago}結束（{date}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>{service}: suspended</source>
        <translation>{service}：已暫停</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>{service}: cancellation refused {ago} ({date})</source>
        <translation>{service}：{ago}取消遭拒（{date}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Open cases: {count}</source>
        <translation>未結案件：{count}</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Callbacks due: {count}</source>
        <translation>待回電：{count}</translation>
    </message>
</context>
<context>
    <name>HistoryArea</name>
    <message>
        <location filename="../../ui/panes.py" line="493"/>
        <location filename="../../ui/panes.py" line="511"/>
        <source>History with us</source>
        <translation>往來紀錄</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="498"/>
        <source>Previous calls, each with its actions; open cases and callbacks</source>
        <translation>先前的通話（各附其處理動作）、未結案件與待回電</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="501"/>
        <source>No caller on screen.</source>
        <translation>畫面上沒有來電者。</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="499"/>
        <source>Events in the customer record</source>
        <translation>客戶紀錄中的事件</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="512"/>
        <source>Customer events</source>
        <translation>客戶事件</translation>
    </message>
</context>
<context>
    <name>KeyboardDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="66"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="90"/>
        <source>Keyboard shortcuts, grouped by menu</source>
        <translation>鍵盤快速鍵（依選單分組）</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="92"/>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="92"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Free trial becomes paid unless cancelled</source>
        <translation>免費期滿未取消即轉收費</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Stops by itself at the end of the term</source>
        <translation>期滿自動終止</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Renews automatically</source>
        <translation>自動續約</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Promotional price</source>
        <translation>優惠價</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>No cancellation before the term ends</source>
        <translation>期滿前不得取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Early termination fee</source>
        <translation>提前解約金</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Stops at trial end</source>
        <translation>免費期滿自動停止</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Continues unless cancelled</source>
        <translation>未取消即續用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Promotion applies</source>
        <translation>適用優惠</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Price change</source>
        <translation>價格調整</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Payment due</source>
        <translation>繳費通知</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Information only</source>
        <translation>一般通知</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Unclassified: template not mapped</source>
        <translation>未分類：範本尚未對應</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>SMS</source>
        <translation>簡訊</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Shop</source>
        <translation>門市</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Field sales</source>
        <translation>業務外勤</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Suspended</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>/ month</source>
        <translation>/ 月</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>/ year</source>
        <translation>/ 年</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Complaint</source>
        <translation>申訴</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Promise by sales</source>
        <translation>業務承諾</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Installed</source>
        <translation>完成安裝</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Cancellation requested</source>
        <translation>申請取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Cancellation refused</source>
        <translation>取消遭拒</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Credit issued</source>
        <translation>已折抵</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Resolved with a credit</source>
        <translation>以折抵解決</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Escalated</source>
        <translation>已轉呈</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Callback scheduled</source>
        <translation>已排定回電</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>No action needed</source>
        <translation>無需處理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Transferred</source>
        <translation>已轉接</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Dropped</source>
        <translation>通話中斷</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Suspend service</source>
        <translation>暫停服務</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Cancel service</source>
        <translation>取消服務</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Credit</source>
        <translation>折抵</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Open case</source>
        <translation>開立案件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Schedule callback</source>
        <translation>排定回電</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Request evidence</source>
        <translation>請客戶提供證明</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Waiting for a lead</source>
        <translation>待主管核准</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Not sent yet</source>
        <translation>尚未送出</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Sending failed, retrying</source>
        <translation>送出失敗，重試中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Refused by the central system</source>
        <translation>中央系統拒收</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Delivered</source>
        <translation>已送達</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Contract and notice disagree</source>
        <translation>合約與通知不一致</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Website rule</source>
        <translation>網站規則</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Sales promise</source>
        <translation>業務承諾</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Billing error</source>
        <translation>帳務錯誤</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Customer misunderstanding</source>
        <translation>客戶誤解</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Chinese (Taiwan)</source>
        <translation>中文（台灣）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Kept here (no hooks)</source>
        <translation>僅存本機（未設同步）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Kept here: no sync hooks configured</source>
        <translation>僅存本機：未設定同步對象</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Demo: never sent</source>
        <translation>示範：不會送出</translation>
    </message>
</context>
<context>
    <name>ManualActionDialog</name>
    <message>
        <location filename="../../ui/manual_action.py" line="33"/>
        <source>Add an action</source>
        <translation>新增動作</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="42"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="53"/>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="53"/>
        <source>&amp;Service:</source>
        <translation>服務(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="54"/>
        <source>&amp;Amount:</source>
        <translation>金額(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="54"/>
        <source>&amp;Months:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="55"/>
        <source>&amp;What / summary:</source>
        <translation>內容 / 摘要(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>NotificationsPane</name>
    <message>
        <location filename="../../ui/panes.py" line="326"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="329"/>
        <source>Notifications, newest first</source>
        <translation>通知（新到舊）</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="331"/>
        <source>Selected notification, full text</source>
        <translation>所選通知全文</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../ui/models/panes.py" line="42"/>
        <location filename="../../ui/models/panes.py" line="78"/>
        <location filename="../../ui/models/panes.py" line="102"/>
        <location filename="../../ui/models/panes.py" line="119"/>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="45"/>
        <source>Fee</source>
        <translation>費用</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="49"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="47"/>
        <source>Trial until</source>
        <translation>免費至</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="48"/>
        <source>Term until</source>
        <translation>合約至</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="77"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="82"/>
        <source>Clause as printed</source>
        <translation>條款原文</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="79"/>
        <source>Contract</source>
        <translation>合約</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="99"/>
        <source>Sent</source>
        <translation>發送時間</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="101"/>
        <location filename="../../ui/models/panes.py" line="117"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="100"/>
        <source>Says</source>
        <translation>內容重點</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="43"/>
        <source>%1 (%2), started %3</source>
        <translation>%1（%2），%3 開始</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="103"/>
        <location filename="../../ui/models/panes.py" line="120"/>
        <source>Text</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="116"/>
        <location filename="../../ui/models/panes.py" line="191"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="118"/>
        <location filename="../../ui/models/panes.py" line="192"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="154"/>
        <source>Open case %s</source>
        <translation>開立案件 %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="174"/>
        <source>Call: %s</source>
        <translation>通話：%s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="153"/>
        <source>due %s</source>
        <translation>期限 %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="158"/>
        <source>Callback due %s</source>
        <translation>回電時間 %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="193"/>
        <source>Who / state</source>
        <translation>人員 / 狀態</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="194"/>
        <source>Details</source>
        <translation>細節</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="249"/>
        <location filename="../../ui/models/table.py" line="173"/>
        <source>Evidence for the selected finding</source>
        <translation>所選發現的證據</translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <location filename="../../ui/approvals.py" line="85"/>
        <source>Waiting since</source>
        <translation>等待起始時間</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="86"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="87"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="88"/>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="89"/>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="90"/>
        <source>Finding</source>
        <translation>發現</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="91"/>
        <source>Agent</source>
        <translation>客服人員</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="92"/>
        <source>Agent&apos;s notes</source>
        <translation>客服人員備註</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <location filename="../../ui/saved_notice.py" line="41"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="42"/>
        <source>Hide the saved call&apos;s confirmation</source>
        <translation>隱藏通話已儲存的確認</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="43"/>
        <source>Saved call</source>
        <translation>已儲存的通話</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="82"/>
        <source>Case %1 opened</source>
        <translation>已開立案件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="83"/>
        <source>Callback due %1</source>
        <translation>回電時間 %1</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="85"/>
        <source>kept on this workstation: no sync hooks configured</source>
        <translation>僅保存在本工作站：未設定同步對象</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="87"/>
        <source>demo: nothing sent to real systems</source>
        <translation>示範：不會送到真實系統</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="89"/>
        <source>being sent to the central systems</source>
        <translation>正在送往中央系統</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="90"/>
        <source>Saved %1 · %2: %3</source>
        <translation>已於 %1 儲存 · %2：%3</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="93"/>
        <source>Do not promise the waiting credit yet: a lead decides, and you will see their decision here.</source>
        <translation>待核准的折抵先不要承諾客戶：由主管決定，決定結果會顯示在這裡。</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="106"/>
        <source>applied</source>
        <translation>已入帳</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="107"/>
        <source>waiting for a lead&apos;s approval</source>
        <translation>待主管核准</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="108"/>
        <source>approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="109"/>
        <source>refused</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="112"/>
        <source>recorded</source>
        <translation>已記錄</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <location filename="../../ui/scorecard_view.py" line="33"/>
        <source>✓ Spotted: %1</source>
        <translation>✓ 已發現：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="35"/>
        <source>✗ Missed: %1</source>
        <translation>✗ 遺漏：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="37"/>
        <source>? Named but not in this case: %1</source>
        <translation>? 提出但本案並無：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="41"/>
        <source>✓ Done right: %1</source>
        <translation>✓ 處理正確：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="47"/>
        <source>(you credited %1 for %2)</source>
        <translation>（您為 %2 折抵了 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="49"/>
        <source>≈ Partly right: %1</source>
        <translation>≈ 部分正確：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="51"/>
        <source>✗ Missing: %1</source>
        <translation>✗ 缺少：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="53"/>
        <source>✗ Not called for: %1</source>
        <translation>✗ 不需要：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="55"/>
        <source>Nothing was wrong in this case: the right answer was to explain, not to act.</source>
        <translation>本案沒有錯誤：正確做法是向客戶說明，而不是執行動作。</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="57"/>
        <source>Over-credit: %1</source>
        <translation>多退：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="59"/>
        <source>Under-credit: %1</source>
        <translation>少退：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="61"/>
        <source>Time to resolution: %1</source>
        <translation>處理時間：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="65"/>
        <source>Hints were hidden. What you missed: %1</source>
        <translation>提示已隱藏。您遺漏了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="67"/>
        <source>Hints were hidden, and you missed nothing.</source>
        <translation>提示已隱藏，而您沒有遺漏任何項目。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="50"/>
        <source>Agent Console cannot open</source>
        <translation>客服主控台無法開啟</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="51"/>
        <source>The list of users cannot be read, so nobody can sign in and the console stays closed.

%1</source>
        <translation>無法讀取使用者名單，因此無人能登入，主控台保持關閉。

%1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="78"/>
        <source>Sign in to Agent Console</source>
        <translation>登入客服主控台</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="84"/>
        <source>Agent id</source>
        <translation>客服人員代號</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="88"/>
        <source>Password or PIN</source>
        <translation>密碼或 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="95"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="101"/>
        <source>Who is at the keyboard?</source>
        <translation>請問是誰在使用這台電腦？</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="102"/>
        <source>Agent &amp;id</source>
        <translation>客服人員代號(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="103"/>
        <source>&amp;Password or PIN</source>
        <translation>密碼或 PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="112"/>
        <source>Type your agent id.</source>
        <translation>請輸入您的客服人員代號。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="120"/>
        <source>This journal belongs to another customer store: sign in against the store it was first used with, or ask a lead to move it.</source>
        <translation>這份紀錄檔屬於另一個客戶資料庫：請登入它最初使用的資料庫，或請組長將它移轉。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="125"/>
        <source>This id is locked after too many failed sign-ins until %1 UTC; a lead can unlock it.</source>
        <translation>此代號因登入失敗次數過多已鎖定至 %1 (UTC)；組長可以解除鎖定。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="131"/>
        <source>Sign-in failed: unknown id or wrong password</source>
        <translation>登入失敗：代號不存在或密碼錯誤</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../ui/suggestion_models.py" line="63"/>
        <source>Evidence:</source>
        <translation>證據：</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="77"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="77"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="78"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Accepted</source>
        <translation>已採用</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Proposed</source>
        <translation>建議</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="132"/>
        <source>(edited)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="134"/>
        <source>needs a lead&apos;s approval</source>
        <translation>需主管核准</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="65"/>
        <source>Suggestions</source>
        <translation>建議</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="76"/>
        <source>Findings</source>
        <translation>發現</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="205"/>
        <source>Nothing to suggest: no finding for this caller.</source>
        <translation>沒有建議：此來電者沒有發現問題。</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="96"/>
        <source>Suggested actions</source>
        <translation>建議動作</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="112"/>
        <source>Acce&amp;pt</source>
        <translation>採用(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="128"/>
        <source>C&amp;opy script</source>
        <translation>複製話術(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="135"/>
        <source>Fi&amp;ndings</source>
        <translation>發現(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="152"/>
        <source>Scr&amp;ipt</source>
        <translation>話術(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="210"/>
        <source>Suggestions are unavailable: %1</source>
        <translation>無法提供建議：%1</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="242"/>
        <source>No caller on screen.</source>
        <translation>畫面上沒有來電者。</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="113"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="114"/>
        <source>Re&amp;ject</source>
        <translation>拒絕(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="115"/>
        <source>Accept a&amp;ll</source>
        <translation>全部採用(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="124"/>
        <source>Script to read to the customer</source>
        <translation>向客戶說明的話術</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="144"/>
        <source>Suggestion</source>
        <translation>建議</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../ui/approvals.py" line="408"/>
        <source>Supervisor sign-in</source>
        <translation>主管登入</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="416"/>
        <source>Lead id</source>
        <translation>主管代號</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="417"/>
        <source>Password or PIN</source>
        <translation>密碼或 PIN</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="428"/>
        <source>%1 is not a lead</source>
        <translation>%1 不是主管</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="157"/>
        <source>Sync status</source>
        <translation>同步狀態</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="158"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="159"/>
        <source>Deliver the waiting events now</source>
        <translation>立即送出等待中的事件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="142"/>
        <location filename="../../ui/sync_status.py" line="167"/>
        <source>Sync: demo: delivery off</source>
        <translation>同步：示範模式，不送出</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="147"/>
        <location filename="../../ui/sync_status.py" line="169"/>
        <source>Sync: no hooks configured; calls stay on this workstation</source>
        <translation>同步：未設定同步對象；通話紀錄僅保存在本工作站</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="154"/>
        <source>Sync: starting…</source>
        <translation>同步：啟動中…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="177"/>
        <source>Sync: sending…</source>
        <translation>同步：傳送中…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="187"/>
        <source>Sync: cannot read the delivery state: %1</source>
        <translation>同步：無法讀取傳送狀態：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="190"/>
        <source>Sync: %1 waiting</source>
        <translation>同步：%1 筆等待中</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="192"/>
        <source>last sent %1</source>
        <translation>上次送出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="193"/>
        <source>nothing sent yet</source>
        <translation>尚未送出任何資料</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="195"/>
        <source>%1 refused</source>
        <translation>%1 筆遭拒</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="197"/>
        <source>%1 errors</source>
        <translation>%1 個錯誤</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/timeline.py" line="65"/>
        <source>Contract %1 signed (%2)</source>
        <translation>合約 %1 簽訂（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="72"/>
        <source>%1: free trial ends</source>
        <translation>%1：免費期滿</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="76"/>
        <source>%1: term ends</source>
        <translation>%1：合約期滿</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="87"/>
        <source>Bill %1: %2</source>
        <translation>帳單 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="92"/>
        <source>Pending credit %1</source>
        <translation>待入帳折抵 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="132"/>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="133"/>
        <source>Contract, notifications, bills and events on one time axis. Left and Right move between marks, Enter shows the item.</source>
        <translation>合約、通知、帳單與事件排在同一條時間軸上。左右鍵移動標記，Enter 顯示項目。</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Contract</source>
        <translation>合約</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Bills</source>
        <translation>帳單</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="265"/>
        <location filename="../../ui/timeline.py" line="273"/>
        <source>today %1 →</source>
        <translation>今天 %1 →</translation>
    </message>
</context>
<context>
    <name>TrainerMenu</name>
    <message>
        <location filename="../../ui/trainer_menu.py" line="80"/>
        <source>&amp;Trainer</source>
        <translation>講師(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="81"/>
        <source>Ring the selected scenario</source>
        <translation>撥入所選情境</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="82"/>
        <source>Go to the scenario list</source>
        <translation>前往情境清單</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="83"/>
        <source>Load scenario…</source>
        <translation>載入情境…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="84"/>
        <source>Hide hints</source>
        <translation>隱藏提示</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="85"/>
        <source>Show the brief</source>
        <translation>顯示情境說明</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="86"/>
        <source>Brief on a second screen</source>
        <translation>情境顯示於第二螢幕</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="87"/>
        <source>Name the trainee</source>
        <translation>輸入學員姓名</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="88"/>
        <source>Export the session report…</source>
        <translation>匯出課程報告…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="89"/>
        <source>Reset demo…</source>
        <translation>重設示範資料…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/trainer_menu.py" line="104"/>
        <source>%1 attempt(s) and their scorecards</source>
        <translation>
            <numerusform>%1 次作答及其評分表</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="105"/>
        <source>every attempt and scorecard</source>
        <translation>所有作答紀錄與評分表</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="106"/>
        <source>Reset the demo database to pristine?

This deletes what this session kept: %1, every call recorded in demo, and scenarios loaded by hand. Export the session report first to keep it.</source>
        <translation>要將示範資料庫重設為初始狀態嗎？

這會刪除本次課程保存的內容：%1、示範模式中記錄的所有通話，以及手動載入的情境。若要保留，請先匯出課程報告。</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="115"/>
        <source>Reset demo</source>
        <translation>重設示範資料</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="119"/>
        <source>&amp;Reset and lose the session</source>
        <translation>重設並捨棄本次課程(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="145"/>
        <source>Demo database reset to pristine in %1 s: no caller on screen</source>
        <translation>示範資料庫已於 %1 秒內重設為初始狀態：畫面上已無來電者</translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message>
        <location filename="../../ui/trainer_panel.py" line="217"/>
        <source>Trainer</source>
        <translation>講師</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="219"/>
        <source>Training scenarios</source>
        <translation>訓練情境</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="228"/>
        <source>Caller&apos;s brief</source>
        <translation>來電者情境</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="397"/>
        <source>Scorecard: record the outcome to see it</source>
        <translation>評分表：記錄通話結果後顯示</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="233"/>
        <source>Scorecard</source>
        <translation>評分表</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="220"/>
        <source>Rin&amp;g</source>
        <translation>撥入(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="222"/>
        <source>Loa&amp;d scenario…</source>
        <translation>載入情境(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="226"/>
        <source>Hide hints (no s&amp;uggestions panel)</source>
        <translation>隱藏提示（不顯示建議面板）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="244"/>
        <source>Show the brie&amp;f</source>
        <translation>顯示情境說明(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="231"/>
        <source>On a second screen</source>
        <translation>顯示於第二螢幕</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="234"/>
        <source>E&amp;xport session report…</source>
        <translation>匯出課程報告(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="218"/>
        <source>Scena&amp;rios</source>
        <translation>情境(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="221"/>
        <source>Pops the selected scenario&apos;s caller at the scenario&apos;s time.</source>
        <translation>依情境設定的時間，帶出所選情境的來電者。</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="223"/>
        <source>Trainee&apos;s na&amp;me:</source>
        <translation>學員姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="224"/>
        <source>Trainee&apos;s name</source>
        <translation>學員姓名</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="225"/>
        <source>name shown in the session report</source>
        <translation>顯示於課程報告的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="227"/>
        <source>Brief (trainer only)</source>
        <translation>情境說明（僅限講師）</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="229"/>
        <source>What the trainer says as the customer; the trainee must not see it.</source>
        <translation>講師扮演客戶時要說的內容；不可讓學員看到。</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="232"/>
        <source>Brief on a second screen</source>
        <translation>情境顯示於第二螢幕</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="244"/>
        <source>Hide the brie&amp;f</source>
        <translation>隱藏情境說明(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="291"/>
        <source>Scenario %1 has no phone number to ring</source>
        <translation>情境 %1 沒有可撥入的電話號碼</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="299"/>
        <source>Ringing: %1 (%2)</source>
        <translation>來電中：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="326"/>
        <source>Loaded: %1</source>
        <translation>已載入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="337"/>
        <source>Load scenario files</source>
        <translation>載入情境檔</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="338"/>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>情境檔 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="352"/>
        <source>There is only one screen: the brief is shown here in the panel, not in a window over the trainee&apos;s view.</source>
        <translation>只有一個螢幕：情境說明改在此面板顯示，不另開視窗蓋住學員的畫面。</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="362"/>
        <source>The brief is on the second screen.</source>
        <translation>情境說明已顯示於第二螢幕。</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="399"/>
        <source>Score: %1 of %2 points (%3%)</source>
        <translation>得分：%1 / %2 分（%3%）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/trainer_panel.py" line="410"/>
        <source>Session report written: %2 (%1 attempt(s))</source>
        <translation>
            <numerusform>課程報告已寫入：%2（%1 次作答）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="421"/>
        <source>Export the session report</source>
        <translation>匯出課程報告</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="422"/>
        <source>Printable page (*.html);;Spreadsheet (*.csv)</source>
        <translation>可列印網頁 (*.html);;試算表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="447"/>
        <source>Demo database reset to pristine in %1 s</source>
        <translation>示範資料庫已於 %1 秒內重設為初始狀態</translation>
    </message>
</context>
<context>
    <name>UserMenus</name>
    <message>
        <location filename="../../ui/lead_menu.py" line="93"/>
        <location filename="../../ui/lead_menu.py" line="176"/>
        <source>&amp;User</source>
        <translation>使用者(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="100"/>
        <location filename="../../ui/lead_menu.py" line="177"/>
        <source>Sign out / switch user…</source>
        <translation>登出／切換使用者…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="102"/>
        <location filename="../../ui/lead_menu.py" line="178"/>
        <source>Supervisor approval…</source>
        <translation>主管核准…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="105"/>
        <location filename="../../ui/lead_menu.py" line="179"/>
        <source>&amp;Lead</source>
        <translation>主管(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="108"/>
        <location filename="../../ui/lead_menu.py" line="180"/>
        <location filename="../../ui/lead_menu.py" line="240"/>
        <source>Floor dashboard</source>
        <translation>現場儀表板</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="110"/>
        <location filename="../../ui/lead_menu.py" line="181"/>
        <source>Export call logs…</source>
        <translation>匯出通話紀錄…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="112"/>
        <location filename="../../ui/lead_menu.py" line="182"/>
        <location filename="../../ui/lead_menu.py" line="254"/>
        <source>Approvals queue</source>
        <translation>待核准清單</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="168"/>
        <source>Signed in: %1 %2 (%3)</source>
        <translation>已登入：%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="170"/>
        <source>Working as %1 (%2), not signed in</source>
        <translation>以 %1（%2）身分作業，未登入</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="193"/>
        <source>Cannot read the users: %1</source>
        <translation>無法讀取使用者：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="197"/>
        <source>No users in this store yet: a lead adds them with agent-console user add</source>
        <translation>此資料庫尚無使用者：請主管以 agent-console user add 新增</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="208"/>
        <source>Sign in as a lead first</source>
        <translation>請先以主管身分登入</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="248"/>
        <source>Export call logs</source>
        <translation>匯出通話紀錄</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="263"/>
        <source>Approvals queue: %1 %2 signed in on this screen</source>
        <translation>待核准清單：%1 %2 在此螢幕登入</translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../../ui/wrapup.py" line="55"/>
        <source>A notice contradicts the contract</source>
        <translation>通知與合約矛盾</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="56"/>
        <source>Promotion not applied</source>
        <translation>未套用優惠</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="57"/>
        <source>Charged after a cancellation attempt</source>
        <translation>申請取消後仍收費</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="58"/>
        <source>Charged while suspended</source>
        <translation>暫停期間仍收費</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="59"/>
        <source>Charged twice</source>
        <translation>重複收費</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="60"/>
        <source>Paid service never used</source>
        <translation>付費服務從未使用</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="84"/>
        <source>Wrap up the call with %1</source>
        <translation>結束與 %1 的通話並記錄</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="95"/>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="100"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="106"/>
        <source>What the customer said, what you did</source>
        <translation>客戶說了什麼、您做了什麼</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="107"/>
        <source>Follow up on</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="110"/>
        <source>Follow-up date</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="122"/>
        <source>What went wrong</source>
        <translation>問題原因</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="132"/>
        <source>Actions carried out with this call</source>
        <translation>本通話執行的動作</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="148"/>
        <source>Reason for crediting these months again</source>
        <translation>再次退款這些月份的原因</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="149"/>
        <source>Why these months are credited again (recorded and audited)</source>
        <translation>為什麼要再次退款這些月份（會記錄並列入稽核）</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="158"/>
        <source>{n} suggested action is still “Proposed” and will not be carried out: accept or reject it in the suggestions (Esc keeps this as a draft).</source>
        <translation>還有 {n} 項建議動作仍是「建議」狀態，不會執行：請在建議面板接受或拒絕（按 Esc 可保留為草稿）。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="160"/>
        <source>{n} suggested actions are still “Proposed” and will not be carried out: accept or reject them in the suggestions (Esc keeps this as a draft).</source>
        <translation>還有 {n} 項建議動作仍是「建議」狀態，不會執行：請在建議面板接受或拒絕（按 Esc 可保留為草稿）。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="164"/>
        <source>A&amp;dd action…</source>
        <translation>新增動作(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="167"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="177"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="181"/>
        <source>Close (keep a draft)</source>
        <translation>關閉（保留草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="186"/>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="187"/>
        <source>&amp;Root cause:</source>
        <translation>根本原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="188"/>
        <source>What went &amp;wrong:</source>
        <translation>問題原因(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="200"/>
        <source>A&amp;ctions:</source>
        <translation>動作(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="201"/>
        <source>&amp;Notes:</source>
        <translation>備註(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="206"/>
        <source>&amp;Follow-up:</source>
        <translation>追蹤(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="216"/>
        <source>Save the wrap-up</source>
        <translation>儲存通話記錄</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="275"/>
        <source>No actions: accept suggestions or add one</source>
        <translation>沒有動作：請採用建議或自行新增</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="281"/>
        <source>Credits of %1 are above your limit of %2: they will wait for a lead&apos;s approval.</source>
        <translation>折抵 %1 超過您的額度 %2：需等待主管核准。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="289"/>
        <source>%1 %2: already credited or waiting for a lead. Crediting again needs a reason.</source>
        <translation>%1 %2：已退款或正待主管核准。再次退款須填寫原因。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="341"/>
        <source>Call %1 · after-call work %2</source>
        <translation>通話 %1 · 話後處理 %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="368"/>
        <source>Your unsaved wrap-up for this customer was restored.</source>
        <translation>已還原您對此客戶尚未儲存的通話記錄。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="388"/>
        <source>Choose an outcome.</source>
        <translation>請選擇通話結果。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="389"/>
        <source>This outcome needs a root cause.</source>
        <translation>此結果需要填寫根本原因。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="390"/>
        <source>A scheduled callback needs a follow-up date.</source>
        <translation>排定回電需要追蹤日期。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="391"/>
        <source>Resolved with a credit: accept or add a credit.</source>
        <translation>以折抵解決：請採用或新增一筆折抵。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="392"/>
        <source>No caller: look the customer up first.</source>
        <translation>尚無來電者：請先查詢客戶。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="423"/>
        <source>Give the reason for crediting these months again.</source>
        <translation>請填寫再次退款這些月份的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="430"/>
        <source>Could not save the call: %1. Everything stays in the form</source>
        <translation>無法儲存通話：%1。表單內容全部保留</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="431"/>
        <source>; a draft is kept.</source>
        <translation>；已保留草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="431"/>
        <source>; the draft could not be kept either.</source>
        <translation>；草稿也無法保留。</translation>
    </message>
</context>
</TS>
