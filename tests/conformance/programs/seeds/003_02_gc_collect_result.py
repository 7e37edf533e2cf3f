# seed 003_d1162c4800741822.txt, example 2, under "Garbage Collection and Reference Counting" ("Garbage collection explainer image"): shown only as an image; reconstructed from "The result variable contains the number of objects it has collected"
import gc
class Node:
    pass
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
result = gc.collect()
print(result)
