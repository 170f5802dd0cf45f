"""Fault campaigns (issue 14): scripts that attack the app and the cloud and print figures.

Each campaign (a package ``faults/<campaign>/``, or one module) runs on demand
(``python -m faults.<campaign> --cases N --seed S``) and exposes
``run(cases, seed, workdir) -> CampaignResult`` so that a fast seeded subset runs in CI from
``tests/faults/``. ``python -m faults.run_all`` prints the README table.
"""
