from faisse.cli import main

main()
