results = []
for i in range(3):
    results.append(10 ** 6 + i)
print(results[0] is results[0])
copies = [int('1000000') for _ in range(2)]
print(copies[0] is copies[1], copies[0] == copies[1])
small = [int('7') for _ in range(2)]
print(small[0] is small[1])
