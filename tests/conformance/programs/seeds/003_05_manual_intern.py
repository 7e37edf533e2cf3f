# seed 003_d1162c4800741822.txt, example 5, under "The del statement" ("Manual interning explainer image"): shown only as an image; reconstructed with sys.intern as the text describes
import sys
a = sys.intern("Hello world, this string has spaces!")
b = sys.intern("Hello world, this string has spaces!")
print(a is b)
c = "".join(["Hello world, ", "this string has spaces!"])
print(a is c, a is sys.intern(c))
