# seed 001_f9105fa72ca75776.txt, example 2, under "2. Dynamic Memory Allocation in Python" (code unchanged)
# Dynamic memory allocation example

numbers = []  # An empty list is created dynamically

for i in range(5):
    numbers.append(i)

print(numbers)
