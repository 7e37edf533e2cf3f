# seed 000_cfde1c38ef63e256.txt, example 6, under "2. Heap Memory Allocation" (code unchanged: the seed's `def func()` lacks its colon, so CPython reports a SyntaxError)
def func()
    #Allocates memory for 5 integers in heap memory
