from warta.cli.main import main

main()
