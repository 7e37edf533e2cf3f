people = [("bob", 3), ("amy", None)]
people.sort(key=lambda p: p[1] + 1)
