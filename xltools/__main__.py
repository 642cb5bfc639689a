from xltools.cli import main

raise SystemExit(main())
