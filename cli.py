"""Command line of xlmodel: ``python cli.py build|compare|validate ...``.

The same click group is installed as the console script ``xlmodel``; the code lives in
:mod:`xlmodel.cli` so that both entry points are one program.
"""

from xlmodel.cli import main

if __name__ == "__main__":
    main()
