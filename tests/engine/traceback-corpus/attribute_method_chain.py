name = "  Alice  "
result = name.strip().lower().capitalise()
