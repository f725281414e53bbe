"""Run a command and write its wall-clock seconds to a file: python scripts/timed.py OUT -- CMD..."""

import subprocess
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    out, command = Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"{time.perf_counter() - started:.1f}\n")
