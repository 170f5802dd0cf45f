"""The disk: a small tmpfs filled by a seeded amount, or a file-size limit; ``Wall`` for tests."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from faults.disk_full.constants import MOUNT_BYTES


class SmallDisk:
    """A tmpfs of ``MOUNT_BYTES`` at ``root`` (root only), filled on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / ".filler"
        self.mounted = False

    def mount(self) -> bool:
        if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                "mount",
                "-t",
                "tmpfs",
                "-o",
                f"size={MOUNT_BYTES // 1024}k,mode=0700",
                "tmpfs",
                str(self.root),
            ],
            capture_output=True,
            check=False,
        )
        self.mounted = done.returncode == 0
        return self.mounted

    def unmount(self) -> None:
        if self.mounted:
            done = subprocess.run(["umount", str(self.root)], capture_output=True, check=False)
            if done.returncode != 0:  # a file still open: detach now, freed when closed
                subprocess.run(["umount", "-l", str(self.root)], capture_output=True, check=False)
            self.mounted = False

    def free_bytes(self) -> int:
        stat = os.statvfs(self.root)
        return stat.f_bavail * stat.f_frsize

    def fill(self, slack: int) -> None:
        """Leave about ``slack`` bytes free."""
        self.free()
        size = self.free_bytes() - slack
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while size > 0:
                try:
                    os.posix_fallocate(fd, 0, size)
                    break
                except OSError:
                    size -= 64 * 1024
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes past ``limit`` bytes in any file fail with EFBIG (Python ignores SIGXFSZ)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


class Wall:
    """For tests: a folder on a small disk, and a block during which it has no room.

    A tmpfs filled to the last byte when root (CI is), else a file-size limit of 0 bytes
    (every write that grows a file fails: SQLite's "disk I/O error", EFBIG for files).
    """

    def __init__(self, base: Path) -> None:
        self.disk = SmallDisk(base / "small-disk")
        self.tmpfs = self.disk.mount()
        self.root = self.disk.root if self.tmpfs else base / "plain-disk"
        self.root.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def no_room(self, leave: int = 0) -> Iterator[None]:
        """No room left, or about ``leave`` bytes (the size limit: files up to that size)."""
        if self.tmpfs:
            self.disk.fill(leave)
            try:
                yield
            finally:
                self.disk.free()
        else:
            with file_size_limit(leave):
                yield

    def close(self) -> None:
        self.disk.unmount()
