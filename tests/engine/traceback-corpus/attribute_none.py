def find(items, target):
    for item in items:
        if item == target:
            return item

found = find([1, 2], 3)
found.bit_length()
