"""This month's usage as the screens read it."""

from localpro_desktop.domain.plans import Metric, Plan
from localpro_desktop.services import usage
from localpro_desktop.services.workspace import Workspace


def test_current_report_counts_this_month_against_the_workspace_plan(workspace: Workspace) -> None:
    ws = workspace
    ws.update_settings(plan=Plan.BUSINESS)
    with ws.write() as session:
        usage.record(session, Metric.MESSAGES, 7, "campaign")
    report = usage.current_report(ws)
    assert report.plan is Plan.BUSINESS
    line = report.line(Metric.MESSAGES)
    assert (line.used, line.limit) == (7, 5_000)
