try:
    exec("ra" + "ise KeyError(5)")
except KeyError as e:
    print("caught", e)
