# seed 002_67cbb4aed17c940d.txt, example 2, under "Dynamic Memory Allocation – Heap" (code unchanged; it prints nothing). Example 1 (`static int x=2;`) is C, not Python, and is not recorded.
x = [0]*2
