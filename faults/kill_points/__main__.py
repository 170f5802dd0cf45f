"""``python -m faults.kill_points [--target T] --cases N --seed S``: the command line."""

from faults.kill_points.command_line import main

if __name__ == "__main__":
    raise SystemExit(main())
