count = "a"
count += 1
