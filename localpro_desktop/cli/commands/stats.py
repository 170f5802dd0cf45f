"""``stats``: the analytics service's figures in a terminal."""

import argparse

from localpro_desktop.cli.context import Context
from localpro_desktop.domain.plans import format_limit
from localpro_desktop.services.analytics import AnalyticsService


# Quoted: _SubParsersAction is generic in typeshed only, not at runtime.
def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("stats", help="KPIs, rates, funnel and daily metrics")
    p.add_argument("--days", type=int, choices=[7, 30, 90], default=30)
    p.set_defaults(handler=stats)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def stats(ctx: Context, args: argparse.Namespace) -> int:
    svc = AnalyticsService(ctx.ws)
    kpis = svc.kpis()
    rates = svc.rates(args.days)
    funnel = svc.funnel()
    daily = svc.daily_metrics(args.days)
    trend = svc.trends(args.days)
    data = {
        "kpis": kpis,
        "rates": rates,
        "funnel": funnel,
        "trend": trend,
        "daily": daily,
        "prospects_by_source": svc.prospects_by_source(),
        "prospects_by_sector": svc.prospects_by_sector(),
    }
    lines = [
        f"Contacts {kpis.total_contacts:,} · clients {kpis.clients:,} · "
        f"prospects {kpis.total_prospects:,}",
        f"Messages this month {kpis.messages_this_month:,} / {format_limit(kpis.messages_limit)}"
        f" · prospects this month {kpis.prospects_this_month:,} / "
        f"{format_limit(kpis.prospects_limit)}",
        f"Last {args.days} days: sent {rates.sent:,}, response rate "
        f"{_pct(rates.response_rate)}, conversion rate {_pct(rates.conversion_rate)}",
        "",
        "Pipeline:",
    ]
    for stage in funnel:
        lines.append(f"  {stage.status.value:<12} {stage.count:>7,}   reached {stage.reached:,}")
    lines.append("")
    lines.append("Day         prospects contacts  sent  replied  moves")
    for day in daily[-min(len(daily), 14) :]:
        lines.append(
            f"{day.day}  {day.prospects_added:>9} {day.contacts_added:>8} "
            f"{day.messages_sent:>5} {day.messages_replied:>8} {day.status_moves:>6}"
        )
    ctx.out.emit(data, "\n".join(lines))
    return 0
