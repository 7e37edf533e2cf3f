# seed 003_d1162c4800741822.txt, example 1, under "Garbage Collection and Reference Counting" ("Reference counting explainer image"): the seed shows this code only as an image; reconstructed from its explanation (message = "Python Rocks!", print, del, print again -> NameError)
message = "Python Rocks!"
print(message)
del message
print(message)
