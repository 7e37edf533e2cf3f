e = KeyError("k")
e.add_note("ends with newline\n")
e.add_note("")
raise e
