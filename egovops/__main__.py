from egovops.cli.main import main

main()
