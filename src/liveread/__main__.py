from liveread.cli import main

raise SystemExit(main())
