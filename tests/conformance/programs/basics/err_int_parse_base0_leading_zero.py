print(int("12"), int(" -0x_ff ", 0), int("١٢"), int("z", 36), int(b"7"), int("1_000"), int(3.9))
int("08", 0)
