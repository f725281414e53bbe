from casetagger.cli import main

main()
