exec("nonlocal q")
