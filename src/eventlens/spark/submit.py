"""Entry script for ``spark-submit`` (docs/scale.md): the ``spark-code`` options, on a cluster.

spark-submit --master yarn ... eventlens/spark/submit.py --input ... --output ...
"""

from __future__ import annotations

import sys

from eventlens.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark-code", *sys.argv[1:]]))
