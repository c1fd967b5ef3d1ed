import matplotlib

matplotlib.use("Agg")  # las pruebas dibujan sin pantalla
