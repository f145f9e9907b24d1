<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionEditDialog</name>
    <message>
        <location filename="../../ui/action_edit.py" line="42"/>
        <source>Edit the action</source>
        <translation>Edit the action</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="49"/>
        <source>Action:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="53"/>
        <source>Credit amount</source>
        <translation>Credit amount</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="55"/>
        <source>at most %1</source>
        <translation>at most %1</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="56"/>
        <source>&amp;Amount (at most %1):</source>
        <translation>&amp;Amount (at most %1):</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="65"/>
        <source>Months:</source>
        <translation>Months:</translation>
    </message>
    <message>
        <location filename="../../ui/action_edit.py" line="76"/>
        <source>&amp;When:</source>
        <translation>&amp;When:</translation>
    </message>
</context>
<context>
    <name>ApprovalsWidget</name>
    <message>
        <location filename="../../ui/approvals.py" line="255"/>
        <source>Approvals queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="257"/>
        <source>Nothing is waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="258"/>
        <source>Credits waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="259"/>
        <source>Enter opens the caller; Approve and Reject ask first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="260"/>
        <source>Selected credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="261"/>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="262"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="263"/>
        <source>required to reject; shown to the agent and audited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="264"/>
        <source>&amp;Open the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="265"/>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="266"/>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="267"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="294"/>
        <source>Finding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="295"/>
        <source>Agent %1 wrote: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="296"/>
        <source>(no notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="304"/>
        <source>This customer has no number to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="313"/>
        <source>Approve the credit of %1 for %2 (%3)? Billing applies it; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="315"/>
        <source>Reject the credit of %1 for %2 (%3)? The agent is told your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="327"/>
        <source>Approve the credit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="327"/>
        <source>Reject the credit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="331"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="331"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="345"/>
        <source>Nothing decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="383"/>
        <source>Approved %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="383"/>
        <source>Rejected %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="256"/>
        <source>Credits above an agent&apos;s limit, waiting for a lead</source>
        <translation>Credits above an agent&apos;s limit, waiting for a lead</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="322"/>
        <source>Select a credit first.</source>
        <translation>Select a credit first.</translation>
    </message>
</context>
<context>
    <name>BillModel</name>
    <message>
        <location filename="../../ui/models/bill.py" line="198"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="198"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="199"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="199"/>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="200"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="200"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="223"/>
        <source>Usage not reported for this month</source>
        <translation>Usage not reported for this month</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="225"/>
        <source>Depends on the usage, which was not reported: ask for it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="227"/>
        <location filename="../../ui/models/bill.py" line="263"/>
        <source>%1, issued %2</source>
        <translation>%1, issued %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="270"/>
        <source>used %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="272"/>
        <source>expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="298"/>
        <source>Pending credits</source>
        <translation>Pending credits</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="335"/>
        <source>%1 above expected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillPane</name>
    <message>
        <location filename="../../ui/panes.py" line="349"/>
        <location filename="../../ui/panes.py" line="350"/>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="356"/>
        <source>Bills by period; Right or + expands a period</source>
        <translation>Bills by period; Right or + expands a period</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="377"/>
        <source>Selected bill row: billed, expected and why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefWindow</name>
    <message>
        <location filename="../../ui/brief_window.py" line="39"/>
        <source>Caller&apos;s brief (trainer only) — DEMO</source>
        <translation>Caller&apos;s brief (trainer only) — DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/brief_window.py" line="40"/>
        <source>Caller&apos;s brief</source>
        <translation type="unfinished">Caller&apos;s brief</translation>
    </message>
    <message>
        <location filename="../../ui/brief_window.py" line="41"/>
        <source>What the trainer says as the customer; the trainee must not see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallAssist</name>
    <message>
        <location filename="../../ui/call_assist.py" line="52"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="63"/>
        <source>&amp;Suggestions</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="64"/>
        <source>Go to the suggestions</source>
        <translation>Go to the suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="65"/>
        <source>Accept all actions of the suggestion</source>
        <translation>Accept all actions of the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="67"/>
        <source>Copy the script</source>
        <translation>Copy the script</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="68"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="71"/>
        <source>Suggestions · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="106"/>
        <location filename="../../ui/call_assist.py" line="108"/>
        <source>Trainer (DEMO)</source>
        <translation>Trainer (DEMO)</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="126"/>
        <source>Demo database reset to pristine in %1 s</source>
        <translation>Demo database reset to pristine in %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/call_assist.py" line="199"/>
        <source>Call recorded</source>
        <translation>Call recorded</translation>
    </message>
</context>
<context>
    <name>CallerBar</name>
    <message>
        <location filename="../../ui/caller_bar.py" line="52"/>
        <source>Number, name or customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="53"/>
        <source>Caller number, name or customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="60"/>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="61"/>
        <source>Look up caller</source>
        <translation>Look up caller</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="66"/>
        <source>Lookup message</source>
        <translation>Lookup message</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="70"/>
        <source>Caller name</source>
        <translation>Caller name</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="72"/>
        <source>Caller details</source>
        <translation>Caller details</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="95"/>
        <location filename="../../ui/caller_bar.py" line="105"/>
        <source>No caller</source>
        <translation>No caller</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="114"/>
        <source>Type the caller&apos;s number, name or customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="168"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="168"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="131"/>
        <source>Looking up %1 …</source>
        <translation>Looking up %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="140"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_bar.py" line="155"/>
        <source>No flags</source>
        <translation>No flags</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Agent Console</source>
        <translation>Agent Console</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>DEMO (nothing reaches real systems)</source>
        <translation>DEMO (nothing reaches real systems)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Ready: type the caller&apos;s number and press Enter · F1 lists every key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Caller</source>
        <translation>&amp;Caller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Bill</source>
        <translation>&amp;Bill</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>C&amp;all</source>
        <translation>C&amp;all</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Go to the number field</source>
        <translation>Go to the number field</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>Retry the lookup</source>
        <translation>Retry the lookup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>Next pane</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Previous pane</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Contract pane</source>
        <translation>Contract pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Notifications pane</source>
        <translation>Notifications pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Bill pane</source>
        <translation>Bill pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>History with us</source>
        <translation>History with us</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Clear highlights</source>
        <translation>Clear highlights</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Expand or collapse the period</source>
        <translation>Expand or collapse the period</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Expand all periods</source>
        <translation>Expand all periods</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>Collapse all periods</source>
        <translation>Collapse all periods</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Wrap up the call…</source>
        <translation>Wrap up the call…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>About Agent Console</source>
        <translation>About Agent Console</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Look up the number, name or customer id in the number field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Move to the next / previous pane or control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Up / Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Move between the rows of a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>No customer has the number %1. Check it with the caller, or type their name or customer id and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>“%1” is not a phone number. Retype it, or type the caller&apos;s name or customer id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="463"/>
        <source>No customer&apos;s name or id matches “%1”. Try the phone number or the full customer id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>This customer source cannot search by name: type the phone number or the customer id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>The lookup of %1 failed unexpectedly (%2); the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>Could not look up %1: the customer data cannot be reached (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="480"/>
        <source>Customers matching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490"/>
        <source>%1 customers match “%2”: choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>No caller on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>{n} contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>{n} contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>{n} notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>{n} notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>{n} bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>{n} bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="577"/>
        <source>The customer system did not answer (%1). Showing the copy of this caller read %2 (%3): it may be out of date. You can still record the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Left / Right</source>
        <translation>Left / Right</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Timeline: previous / next mark</source>
        <translation>Timeline: previous / next mark</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Timeline: show the mark&apos;s item in its pane</source>
        <translation>Timeline: show the mark&apos;s item in its pane</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Right / Left, + / -</source>
        <translation>Right / Left, + / -</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Bill: expand / collapse a period</source>
        <translation>Bill: expand / collapse a period</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Inside the panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Agent Console %1
Contract, notifications and bill side by side.</source>
        <translation>Agent Console %1
Contract, notifications and bill side by side.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Wrap-up is not available in this build yet</source>
        <translation>Wrap-up is not available in this build yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="547"/>
        <source>No notifications were sent to this customer.</source>
        <translation>No notifications were sent to this customer.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>The journal cannot be read: %1</source>
        <translation>The journal cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>No calls with this customer recorded on this workstation yet.</source>
        <translation>No calls with this customer recorded on this workstation yet.</translation>
    </message>
</context>
<context>
    <name>ContractPane</name>
    <message>
        <location filename="../../ui/panes.py" line="252"/>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="262"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="263"/>
        <source>Contract clauses</source>
        <translation>Contract clauses</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="268"/>
        <source>Selected clause, full text</source>
        <translation>Selected clause, full text</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../ui/dashboard.py" line="244"/>
        <source>Floor dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="245"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="246"/>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="247"/>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="248"/>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="250"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="251"/>
        <source>Calls per day by outcome</source>
        <translation>Calls per day by outcome</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="252"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="252"/>
        <location filename="../../ui/dashboard.py" line="256"/>
        <location filename="../../ui/dashboard.py" line="258"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="253"/>
        <source>Credits issued per day</source>
        <translation>Credits issued per day</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="254"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255"/>
        <location filename="../../ui/dashboard.py" line="266"/>
        <source>Top root causes</source>
        <translation>Top root causes</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="256"/>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="257"/>
        <location filename="../../ui/dashboard.py" line="266"/>
        <source>Top findings</source>
        <translation>Top findings</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="258"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="259"/>
        <source>Sync health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Delivered</source>
        <translation type="unfinished">Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="260"/>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="261"/>
        <source>Last delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="262"/>
        <source>Click a bar or a row to export the calls behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="263"/>
        <source>Chart: calls per day by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="264"/>
        <source>Chart: credits issued per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="265"/>
        <source>Calls per outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="265"/>
        <source>Credits per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="267"/>
        <source>Sync health per hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="272"/>
        <source>The numbers are in the table beside the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="275"/>
        <source>Enter or a click on a row exports the calls behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="276"/>
        <source>Loads the dashboard for the days chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="305"/>
        <source>%1 call(s)</source>
        <translation>
            <numerusform>%1 call</numerusform>
            <numerusform>%1 calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="306"/>
        <source>%1 credit(s) issued</source>
        <translation>
            <numerusform>%1 credit issued</numerusform>
            <numerusform>%1 credits issued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="308"/>
        <source>%1 waiting for approval</source>
        <translation>
            <numerusform>%1 waiting for approval</numerusform>
            <numerusform>%1 waiting for approval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="380"/>
        <source>%1 refused for good: a lead must look</source>
        <translation>
            <numerusform>%1 refused for good: a lead must look</numerusform>
            <numerusform>%1 refused for good: a lead must look</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="382"/>
        <source>failing, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="384"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="385"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="396"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="404"/>
        <source>Demo: delivery is off; nothing reaches real systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="406"/>
        <source>The sync hooks cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="408"/>
        <source>No hooks configured: calls stay on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="410"/>
        <source>Per hook, what reached the central systems (as agent-console sync status).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="288"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="355"/>
        <location filename="../../ui/dashboard.py" line="373"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="362"/>
        <source>Amount credited</source>
        <translation>Amount credited</translation>
    </message>
</context>
<context>
    <name>DecisionWatcher</name>
    <message>
        <location filename="../../ui/decisions.py" line="159"/>
        <source>✓ Credit %1 for %2 approved by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/decisions.py" line="161"/>
        <source>✗ Credit %1 for %2 rejected by %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../ui/demo_banner.py" line="34"/>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../../ui/demo_banner.py" line="35"/>
        <source>DEMO · training mode: made-up customers, nothing reaches real systems</source>
        <translation>DEMO · training mode: made-up customers, nothing reaches real systems</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Retry the lookup</source>
        <translation>Retry the lookup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="248"/>
        <source>Export call logs</source>
        <translation>Export call logs</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="255"/>
        <source>all agents (or ids separated by commas)</source>
        <translation>all agents (or ids separated by commas)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="274"/>
        <source>Include full phone numbers and ids (audited)</source>
        <translation>Include full phone numbers and ids (audited)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="242"/>
        <source>Personal data is masked unless you ask otherwise.</source>
        <translation>Personal data is masked unless you ask otherwise.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="73"/>
        <source>CSV for Excel (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="74"/>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="75"/>
        <source>JSON lines (.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="249"/>
        <source>&amp;Days from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="250"/>
        <source>t&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="251"/>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="252"/>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="254"/>
        <source>A&amp;gents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="256"/>
        <source>O&amp;utcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="257"/>
        <source>&amp;Root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="258"/>
        <source>Fi&amp;ndings</source>
        <translation type="unfinished">Fi&amp;ndings</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="266"/>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="267"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="270"/>
        <source>F&amp;ile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="271"/>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="272"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="273"/>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="276"/>
        <source>Every unmasked export is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="277"/>
        <source>Your role may not export unmasked data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="278"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="279"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="280"/>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320"/>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="338"/>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="339"/>
        <source>%1 already exists. Replace it with this export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="343"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="359"/>
        <source>Nothing exported: choose another file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="364"/>
        <source>Counting calls…</source>
        <translation>Counting calls…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="371"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="385"/>
        <source>%2 of %1 call(s) written…</source>
        <translation>
            <numerusform>%2 of %1 call written…</numerusform>
            <numerusform>%2 of %1 calls written…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export_dialog.py" line="392"/>
        <source>%1 call(s) written to %2</source>
        <translation>
            <numerusform>%1 call written to %2</numerusform>
            <numerusform>%1 calls written to %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="406"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>{service}: free trial ended {ago} ({date}), now billed</source>
        <translation>{service}: free trial ended {ago} ({date}), now billed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>{service}: free trial ends {ago} ({date})</source>
        <translation>{service}: free trial ends {ago} ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>{service}: term ended {ago} ({date})</source>
        <translation>{service}: term ended {ago} ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>{service}: term ends {ago} ({date})</source>
        <translation>{service}: term ends {ago} ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>{service}: suspended</source>
        <translation>{service}: suspended</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>{service}: cancellation refused {ago} ({date})</source>
        <translation>{service}: cancellation refused {ago} ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Open cases: {count}</source>
        <translation>Open cases: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Callbacks due: {count}</source>
        <translation>Callbacks due: {count}</translation>
    </message>
</context>
<context>
    <name>HistoryArea</name>
    <message>
        <location filename="../../ui/panes.py" line="493"/>
        <location filename="../../ui/panes.py" line="511"/>
        <source>History with us</source>
        <translation>History with us</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="498"/>
        <source>Previous calls, each with its actions; open cases and callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="501"/>
        <source>No caller on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="499"/>
        <source>Events in the customer record</source>
        <translation>Events in the customer record</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="512"/>
        <source>Customer events</source>
        <translation>Customer events</translation>
    </message>
</context>
<context>
    <name>KeyboardDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="66"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="90"/>
        <source>Keyboard shortcuts, grouped by menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="92"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="92"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Free trial becomes paid unless cancelled</source>
        <translation>Free trial becomes paid unless cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Stops by itself at the end of the term</source>
        <translation>Stops by itself at the end of the term</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Renews automatically</source>
        <translation>Renews automatically</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Promotional price</source>
        <translation>Promotional price</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>No cancellation before the term ends</source>
        <translation>No cancellation before the term ends</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Early termination fee</source>
        <translation>Early termination fee</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Stops at trial end</source>
        <translation>Stops at trial end</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Continues unless cancelled</source>
        <translation>Continues unless cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Promotion applies</source>
        <translation>Promotion applies</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Price change</source>
        <translation>Price change</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Payment due</source>
        <translation>Payment due</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Information only</source>
        <translation>Information only</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Unclassified: template not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Field sales</source>
        <translation>Field sales</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>/ month</source>
        <translation>/ month</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>/ year</source>
        <translation>/ year</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Promise by sales</source>
        <translation>Promise by sales</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Installed</source>
        <translation>Installed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Cancellation requested</source>
        <translation>Cancellation requested</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Cancellation refused</source>
        <translation>Cancellation refused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Credit issued</source>
        <translation>Credit issued</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Resolved with a credit</source>
        <translation>Resolved with a credit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Callback scheduled</source>
        <translation>Callback scheduled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>No action needed</source>
        <translation>No action needed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Suspend service</source>
        <translation>Suspend service</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Cancel service</source>
        <translation>Cancel service</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Schedule callback</source>
        <translation>Schedule callback</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Request evidence</source>
        <translation>Request evidence</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Waiting for a lead</source>
        <translation>Waiting for a lead</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Sending failed, retrying</source>
        <translation>Sending failed, retrying</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Refused by the central system</source>
        <translation>Refused by the central system</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Contract and notice disagree</source>
        <translation>Contract and notice disagree</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Website rule</source>
        <translation>Website rule</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Sales promise</source>
        <translation>Sales promise</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Billing error</source>
        <translation>Billing error</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Customer misunderstanding</source>
        <translation>Customer misunderstanding</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Chinese (Taiwan)</source>
        <translation>Chinese (Taiwan)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Kept here (no hooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Kept here: no sync hooks configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Demo: never sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualActionDialog</name>
    <message>
        <location filename="../../ui/manual_action.py" line="33"/>
        <source>Add an action</source>
        <translation>Add an action</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="42"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="53"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="53"/>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="54"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Amount:</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="54"/>
        <source>&amp;Months:</source>
        <translation>&amp;Months:</translation>
    </message>
    <message>
        <location filename="../../ui/manual_action.py" line="55"/>
        <source>&amp;What / summary:</source>
        <translation>&amp;What / summary:</translation>
    </message>
</context>
<context>
    <name>NotificationsPane</name>
    <message>
        <location filename="../../ui/panes.py" line="326"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="329"/>
        <source>Notifications, newest first</source>
        <translation>Notifications, newest first</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="331"/>
        <source>Selected notification, full text</source>
        <translation>Selected notification, full text</translation>
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
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="45"/>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="49"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="47"/>
        <source>Trial until</source>
        <translation>Trial until</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="48"/>
        <source>Term until</source>
        <translation>Term until</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="77"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="82"/>
        <source>Clause as printed</source>
        <translation>Clause as printed</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="79"/>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="99"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="101"/>
        <location filename="../../ui/models/panes.py" line="117"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="100"/>
        <source>Says</source>
        <translation>Says</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="43"/>
        <source>%1 (%2), started %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="103"/>
        <location filename="../../ui/models/panes.py" line="120"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="116"/>
        <location filename="../../ui/models/panes.py" line="191"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="118"/>
        <location filename="../../ui/models/panes.py" line="192"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="154"/>
        <source>Open case %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="174"/>
        <source>Call: %s</source>
        <translation>Call: %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="153"/>
        <source>due %s</source>
        <translation>due %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="158"/>
        <source>Callback due %s</source>
        <translation>Callback due %s</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="193"/>
        <source>Who / state</source>
        <translation>Who / state</translation>
    </message>
    <message>
        <location filename="../../ui/models/panes.py" line="194"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/models/bill.py" line="249"/>
        <location filename="../../ui/models/table.py" line="173"/>
        <source>Evidence for the selected finding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <location filename="../../ui/approvals.py" line="85"/>
        <source>Waiting since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="86"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="87"/>
        <source>Amount</source>
        <translation type="unfinished">Amount</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="88"/>
        <source>Service</source>
        <translation type="unfinished">Service</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="89"/>
        <source>Months</source>
        <translation type="unfinished">Months</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="90"/>
        <source>Finding</source>
        <translation type="unfinished">Finding</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="91"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="92"/>
        <source>Agent&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <location filename="../../ui/saved_notice.py" line="41"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="42"/>
        <source>Hide the saved call&apos;s confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="43"/>
        <source>Saved call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="82"/>
        <source>Case %1 opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="83"/>
        <source>Callback due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="85"/>
        <source>kept on this workstation: no sync hooks configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="87"/>
        <source>demo: nothing sent to real systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="89"/>
        <source>being sent to the central systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="90"/>
        <source>Saved %1 · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="93"/>
        <source>Do not promise the waiting credit yet: a lead decides, and you will see their decision here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="106"/>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="107"/>
        <source>waiting for a lead&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="108"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="109"/>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/saved_notice.py" line="112"/>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <location filename="../../ui/scorecard_view.py" line="33"/>
        <source>✓ Spotted: %1</source>
        <translation>✓ Spotted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="35"/>
        <source>✗ Missed: %1</source>
        <translation>✗ Missed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="37"/>
        <source>? Named but not in this case: %1</source>
        <translation>? Named but not in this case: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="41"/>
        <source>✓ Done right: %1</source>
        <translation>✓ Done right: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="47"/>
        <source>(you credited %1 for %2)</source>
        <translation>(you credited %1 for %2)</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="49"/>
        <source>≈ Partly right: %1</source>
        <translation>≈ Partly right: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="51"/>
        <source>✗ Missing: %1</source>
        <translation>✗ Missing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="53"/>
        <source>✗ Not called for: %1</source>
        <translation>✗ Not called for: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="55"/>
        <source>Nothing was wrong in this case: the right answer was to explain, not to act.</source>
        <translation>Nothing was wrong in this case: the right answer was to explain, not to act.</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="57"/>
        <source>Over-credit: %1</source>
        <translation>Over-credit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="59"/>
        <source>Under-credit: %1</source>
        <translation>Under-credit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="61"/>
        <source>Time to resolution: %1</source>
        <translation>Time to resolution: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="65"/>
        <source>Hints were hidden. What you missed: %1</source>
        <translation>Hints were hidden. What you missed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/scorecard_view.py" line="67"/>
        <source>Hints were hidden, and you missed nothing.</source>
        <translation>Hints were hidden, and you missed nothing.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.py" line="50"/>
        <source>Agent Console cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="51"/>
        <source>The list of users cannot be read, so nobody can sign in and the console stays closed.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="78"/>
        <source>Sign in to Agent Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="84"/>
        <source>Agent id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="88"/>
        <source>Password or PIN</source>
        <translation type="unfinished">Password or PIN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="95"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="101"/>
        <source>Who is at the keyboard?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="102"/>
        <source>Agent &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="103"/>
        <source>&amp;Password or PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="112"/>
        <source>Type your agent id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="120"/>
        <source>This journal belongs to another customer store: sign in against the store it was first used with, or ask a lead to move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="125"/>
        <source>This id is locked after too many failed sign-ins until %1 UTC; a lead can unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="131"/>
        <source>Sign-in failed: unknown id or wrong password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../ui/suggestion_models.py" line="63"/>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="77"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="77"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="78"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="131"/>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="132"/>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_models.py" line="134"/>
        <source>needs a lead&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="65"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="76"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="205"/>
        <source>Nothing to suggest: no finding for this caller.</source>
        <translation>Nothing to suggest: no finding for this caller.</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="96"/>
        <source>Suggested actions</source>
        <translation>Suggested actions</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="112"/>
        <source>Acce&amp;pt</source>
        <translation>Acce&amp;pt</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="128"/>
        <source>C&amp;opy script</source>
        <translation>C&amp;opy script</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="135"/>
        <source>Fi&amp;ndings</source>
        <translation>Fi&amp;ndings</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="152"/>
        <source>Scr&amp;ipt</source>
        <translation>Scr&amp;ipt</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="210"/>
        <source>Suggestions are unavailable: %1</source>
        <translation type="unfinished">Suggestions are unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="242"/>
        <source>No caller on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="113"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="114"/>
        <source>Re&amp;ject</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="115"/>
        <source>Accept a&amp;ll</source>
        <translation>Accept a&amp;ll</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="124"/>
        <source>Script to read to the customer</source>
        <translation>Script to read to the customer</translation>
    </message>
    <message>
        <location filename="../../ui/suggestions_panel.py" line="144"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
</context>
<context>
    <name>SupervisorOverrideDialog</name>
    <message>
        <location filename="../../ui/approvals.py" line="408"/>
        <source>Supervisor sign-in</source>
        <translation>Supervisor sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="416"/>
        <source>Lead id</source>
        <translation>Lead id</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="417"/>
        <source>Password or PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../ui/approvals.py" line="428"/>
        <source>%1 is not a lead</source>
        <translation>%1 is not a lead</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="157"/>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="158"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="159"/>
        <source>Deliver the waiting events now</source>
        <translation>Deliver the waiting events now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="142"/>
        <location filename="../../ui/sync_status.py" line="167"/>
        <source>Sync: demo: delivery off</source>
        <translation>Sync: demo: delivery off</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="147"/>
        <location filename="../../ui/sync_status.py" line="169"/>
        <source>Sync: no hooks configured; calls stay on this workstation</source>
        <translation>Sync: no hooks configured; calls stay on this workstation</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="154"/>
        <source>Sync: starting…</source>
        <translation>Sync: starting…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="177"/>
        <source>Sync: sending…</source>
        <translation>Sync: sending…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="187"/>
        <source>Sync: cannot read the delivery state: %1</source>
        <translation>Sync: cannot read the delivery state: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="190"/>
        <source>Sync: %1 waiting</source>
        <translation>Sync: %1 waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="192"/>
        <source>last sent %1</source>
        <translation>last sent %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="193"/>
        <source>nothing sent yet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="195"/>
        <source>%1 refused</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="197"/>
        <source>%1 errors</source>
        <translation>%1 errors</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/timeline.py" line="65"/>
        <source>Contract %1 signed (%2)</source>
        <translation>Contract %1 signed (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="72"/>
        <source>%1: free trial ends</source>
        <translation>%1: free trial ends</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="76"/>
        <source>%1: term ends</source>
        <translation>%1: term ends</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="87"/>
        <source>Bill %1: %2</source>
        <translation>Bill %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="92"/>
        <source>Pending credit %1</source>
        <translation>Pending credit %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="132"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="133"/>
        <source>Contract, notifications, bills and events on one time axis. Left and Right move between marks, Enter shows the item.</source>
        <translation>Contract, notifications, bills and events on one time axis. Left and Right move between marks, Enter shows the item.</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Bills</source>
        <translation>Bills</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="265"/>
        <location filename="../../ui/timeline.py" line="273"/>
        <source>today %1 →</source>
        <translation>today %1 →</translation>
    </message>
</context>
<context>
    <name>TrainerMenu</name>
    <message>
        <location filename="../../ui/trainer_menu.py" line="80"/>
        <source>&amp;Trainer</source>
        <translation type="unfinished">&amp;Trainer</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="81"/>
        <source>Ring the selected scenario</source>
        <translation type="unfinished">Ring the selected scenario</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="82"/>
        <source>Go to the scenario list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="83"/>
        <source>Load scenario…</source>
        <translation type="unfinished">Load scenario…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="84"/>
        <source>Hide hints</source>
        <translation type="unfinished">Hide hints</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="85"/>
        <source>Show the brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="86"/>
        <source>Brief on a second screen</source>
        <translation type="unfinished">Brief on a second screen</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="87"/>
        <source>Name the trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="88"/>
        <source>Export the session report…</source>
        <translation type="unfinished">Export the session report…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="89"/>
        <source>Reset demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/trainer_menu.py" line="104"/>
        <source>%1 attempt(s) and their scorecards</source>
        <translation>
            <numerusform>%1 attempt and its scorecard</numerusform>
            <numerusform>%1 attempts and their scorecards</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="105"/>
        <source>every attempt and scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="106"/>
        <source>Reset the demo database to pristine?

This deletes what this session kept: %1, every call recorded in demo, and scenarios loaded by hand. Export the session report first to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="115"/>
        <source>Reset demo</source>
        <translation type="unfinished">Reset demo</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="119"/>
        <source>&amp;Reset and lose the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_menu.py" line="145"/>
        <source>Demo database reset to pristine in %1 s: no caller on screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message>
        <location filename="../../ui/trainer_panel.py" line="217"/>
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="219"/>
        <source>Training scenarios</source>
        <translation>Training scenarios</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="228"/>
        <source>Caller&apos;s brief</source>
        <translation>Caller&apos;s brief</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="397"/>
        <source>Scorecard: record the outcome to see it</source>
        <translation>Scorecard: record the outcome to see it</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="233"/>
        <source>Scorecard</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="220"/>
        <source>Rin&amp;g</source>
        <translation>Rin&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="222"/>
        <source>Loa&amp;d scenario…</source>
        <translation>Loa&amp;d scenario…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="226"/>
        <source>Hide hints (no s&amp;uggestions panel)</source>
        <translation>Hide hints (no s&amp;uggestions panel)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="244"/>
        <source>Show the brie&amp;f</source>
        <translation>Show the brie&amp;f</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="231"/>
        <source>On a second screen</source>
        <translation>On a second screen</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="234"/>
        <source>E&amp;xport session report…</source>
        <translation>E&amp;xport session report…</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="218"/>
        <source>Scena&amp;rios</source>
        <translation>Scena&amp;rios</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="221"/>
        <source>Pops the selected scenario&apos;s caller at the scenario&apos;s time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="223"/>
        <source>Trainee&apos;s na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="224"/>
        <source>Trainee&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="225"/>
        <source>name shown in the session report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="227"/>
        <source>Brief (trainer only)</source>
        <translation>Brief (trainer only)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="229"/>
        <source>What the trainer says as the customer; the trainee must not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="232"/>
        <source>Brief on a second screen</source>
        <translation type="unfinished">Brief on a second screen</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="244"/>
        <source>Hide the brie&amp;f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="291"/>
        <source>Scenario %1 has no phone number to ring</source>
        <translation>Scenario %1 has no phone number to ring</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="299"/>
        <source>Ringing: %1 (%2)</source>
        <translation>Ringing: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="326"/>
        <source>Loaded: %1</source>
        <translation>Loaded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="337"/>
        <source>Load scenario files</source>
        <translation>Load scenario files</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="338"/>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>Scenarios (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="352"/>
        <source>There is only one screen: the brief is shown here in the panel, not in a window over the trainee&apos;s view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="362"/>
        <source>The brief is on the second screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="399"/>
        <source>Score: %1 of %2 points (%3%)</source>
        <translation>Score: %1 of %2 points (%3%)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/trainer_panel.py" line="410"/>
        <source>Session report written: %2 (%1 attempt(s))</source>
        <translation>
            <numerusform>Session report written: %2 (%1 attempt)</numerusform>
            <numerusform>Session report written: %2 (%1 attempts)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="421"/>
        <source>Export the session report</source>
        <translation>Export the session report</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="422"/>
        <source>Printable page (*.html);;Spreadsheet (*.csv)</source>
        <translation>Printable page (*.html);;Spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/trainer_panel.py" line="447"/>
        <source>Demo database reset to pristine in %1 s</source>
        <translation>Demo database reset to pristine in %1 s</translation>
    </message>
</context>
<context>
    <name>UserMenus</name>
    <message>
        <location filename="../../ui/lead_menu.py" line="93"/>
        <location filename="../../ui/lead_menu.py" line="176"/>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="100"/>
        <location filename="../../ui/lead_menu.py" line="177"/>
        <source>Sign out / switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="102"/>
        <location filename="../../ui/lead_menu.py" line="178"/>
        <source>Supervisor approval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="105"/>
        <location filename="../../ui/lead_menu.py" line="179"/>
        <source>&amp;Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="108"/>
        <location filename="../../ui/lead_menu.py" line="180"/>
        <location filename="../../ui/lead_menu.py" line="240"/>
        <source>Floor dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="110"/>
        <location filename="../../ui/lead_menu.py" line="181"/>
        <source>Export call logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="112"/>
        <location filename="../../ui/lead_menu.py" line="182"/>
        <location filename="../../ui/lead_menu.py" line="254"/>
        <source>Approvals queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="168"/>
        <source>Signed in: %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="170"/>
        <source>Working as %1 (%2), not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="193"/>
        <source>Cannot read the users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="197"/>
        <source>No users in this store yet: a lead adds them with agent-console user add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="208"/>
        <source>Sign in as a lead first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="248"/>
        <source>Export call logs</source>
        <translation type="unfinished">Export call logs</translation>
    </message>
    <message>
        <location filename="../../ui/lead_menu.py" line="263"/>
        <source>Approvals queue: %1 %2 signed in on this screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../../ui/wrapup.py" line="55"/>
        <source>A notice contradicts the contract</source>
        <translation>A notice contradicts the contract</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="56"/>
        <source>Promotion not applied</source>
        <translation>Promotion not applied</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="57"/>
        <source>Charged after a cancellation attempt</source>
        <translation>Charged after a cancellation attempt</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="58"/>
        <source>Charged while suspended</source>
        <translation>Charged while suspended</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="59"/>
        <source>Charged twice</source>
        <translation>Charged twice</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="60"/>
        <source>Paid service never used</source>
        <translation>Paid service never used</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="84"/>
        <source>Wrap up the call with %1</source>
        <translation>Wrap up the call with %1</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="95"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="100"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="106"/>
        <source>What the customer said, what you did</source>
        <translation>What the customer said, what you did</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="107"/>
        <source>Follow up on</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="110"/>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="122"/>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="132"/>
        <source>Actions carried out with this call</source>
        <translation>Actions carried out with this call</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="148"/>
        <source>Reason for crediting these months again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="149"/>
        <source>Why these months are credited again (recorded and audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="158"/>
        <source>{n} suggested action is still “Proposed” and will not be carried out: accept or reject it in the suggestions (Esc keeps this as a draft).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="160"/>
        <source>{n} suggested actions are still “Proposed” and will not be carried out: accept or reject them in the suggestions (Esc keeps this as a draft).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="164"/>
        <source>A&amp;dd action…</source>
        <translation>A&amp;dd action…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="167"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="177"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="181"/>
        <source>Close (keep a draft)</source>
        <translation>Close (keep a draft)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="186"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="187"/>
        <source>&amp;Root cause:</source>
        <translation>&amp;Root cause:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="188"/>
        <source>What went &amp;wrong:</source>
        <translation>What went &amp;wrong:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="200"/>
        <source>A&amp;ctions:</source>
        <translation>A&amp;ctions:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="201"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="206"/>
        <source>&amp;Follow-up:</source>
        <translation>&amp;Follow-up:</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="216"/>
        <source>Save the wrap-up</source>
        <translation>Save the wrap-up</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="275"/>
        <source>No actions: accept suggestions or add one</source>
        <translation>No actions: accept suggestions or add one</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="281"/>
        <source>Credits of %1 are above your limit of %2: they will wait for a lead&apos;s approval.</source>
        <translation>Credits of %1 are above your limit of %2: they will wait for a lead&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="289"/>
        <source>%1 %2: already credited or waiting for a lead. Crediting again needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="341"/>
        <source>Call %1 · after-call work %2</source>
        <translation>Call %1 · after-call work %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="368"/>
        <source>Your unsaved wrap-up for this customer was restored.</source>
        <translation>Your unsaved wrap-up for this customer was restored.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="388"/>
        <source>Choose an outcome.</source>
        <translation>Choose an outcome.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="389"/>
        <source>This outcome needs a root cause.</source>
        <translation>This outcome needs a root cause.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="390"/>
        <source>A scheduled callback needs a follow-up date.</source>
        <translation>A scheduled callback needs a follow-up date.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="391"/>
        <source>Resolved with a credit: accept or add a credit.</source>
        <translation>Resolved with a credit: accept or add a credit.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="392"/>
        <source>No caller: look the customer up first.</source>
        <translation>No caller: look the customer up first.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="423"/>
        <source>Give the reason for crediting these months again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="430"/>
        <source>Could not save the call: %1. Everything stays in the form</source>
        <translation>Could not save the call: %1. Everything stays in the form</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="431"/>
        <source>; a draft is kept.</source>
        <translation>; a draft is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup.py" line="431"/>
        <source>; the draft could not be kept either.</source>
        <translation>; the draft could not be kept either.</translation>
    </message>
</context>
</TS>
