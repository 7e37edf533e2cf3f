# seed 003_d1162c4800741822.txt, example 4, under "The del statement" (interning paragraph: "hex(id(a)) == hex(id(b)) → False" for numbers outside the range); a and b defined here. The seed is wrong for literals in one module: they share one constant, so this prints True; computed values print False
a = 1000
b = 1000
print(hex(id(a)) == hex(id(b)))
c = int('1000')
d = int('1000')
print(hex(id(c)) == hex(id(d)))
