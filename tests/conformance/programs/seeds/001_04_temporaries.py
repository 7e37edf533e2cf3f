# seed 001_f9105fa72ca75776.txt, example 4, under "Memory Deallocation of Temporary Objects" (code unchanged)
# Deallocation of temporary objects

result = (10 * 5) + (3 * 2)

print(result)
