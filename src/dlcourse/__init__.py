"""dlcourse: el paquete auxiliar del curso «Aprendizaje profundo: de la neurona a las PINNs».

Guarda lo que distraería de la lección (figuras, widgets, comprobaciones de los
ejercicios, la semilla y el dispositivo); la lección misma se escribe en cada capítulo.
Importarlo no hace nada: ``device = dlcourse.setup(seed=0)`` siembra, fija el estilo
de las figuras y devuelve el dispositivo, una sola vez y a la vista.
"""

from dlcourse.core import get_device, seed_everything, setup
from dlcourse.glue import glue, in_book_build

__all__ = ["setup", "seed_everything", "get_device", "glue", "in_book_build"]
__version__ = "0.1.0"
