exec("a = 1\nb = a / 0")
