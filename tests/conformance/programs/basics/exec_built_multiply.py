exec("print(6 {} 7)".format(chr(42)))
