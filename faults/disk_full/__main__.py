"""``python -m faults.disk_full --cases N --seed S``: the campaign's command line."""

import faults.disk_full as campaign
from faults._common import main_for

if __name__ == "__main__":
    raise SystemExit(main_for(campaign.run, campaign.__doc__ or "", campaign.DEFAULT_CASES))
