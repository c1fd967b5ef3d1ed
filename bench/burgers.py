"""Banco de pruebas: la PINN de Burgers del capítulo 19, con más capacidad y más tiempo.

Entrena, dentro de un límite de tiempo, la mejor PINN que el capítulo sabe construir para
la ecuación de Burgers viscosa (ν = 0.01/π, u(x, 0) = −sin(πx), u(±1, t) = 0; el problema de
Raissi, Perdikaris y Karniadakis, 2019) y mide su error relativo L2 en la rejilla de
referencia de 256 × 100 puntos, frente al 6.7e-4 del artículo original.

La receta es la del capítulo: perceptrón con tanh, residuo con ``torch.autograd.grad``,
puntos de colocación fijos por hipercubo latino, condiciones blandas con peso λ, Adam y
después L-BFGS en float64. Cambian el tamaño (6 capas ocultas de 20 neuronas y 6000
puntos, frente a 4 y 4000 en el capítulo) y la duración: una sola tanda de L-BFGS que se
detiene antes de agotar el tiempo. Como opción (``--n-adaptive``), cada tanda puede
renovar un conjunto de puntos adaptativos elegidos con probabilidad ∝ |r|/media(|r|) + 1
(la densidad de RAR-D de Wu et al., 2023), que se suman a los fijos.

Qué probamos (10 minutos cada uno, semilla 0; diciembre de 2026). Error relativo L2 al final:

    8×20, 8000 fijos + 2000 adaptativos, tandas de 1000 it., Adam 500   3.71e-3  (la receta anterior; sola)
    4×20, 4000 fijos, una tanda, Adam 300                               9.33e-3  (dos a la vez, 1 hilo cada una)
    6×20, 6000 fijos, una tanda, Adam 300                               1.52e-3  (ídem)
    6×20, 6000 fijos + 2000 adaptativos, tandas de 1000 it., Adam 300   2.48e-3  (ídem)
    8×20, 8000 fijos, una tanda, Adam 300                               1.78e-3  (ídem)

La receta actual es la tercera con los 500 pasos de Adam por defecto; en `make bench`
(sola en la máquina) dio 2.08e-3 con 4600 iteraciones de L-BFGS (bench/results.md).
Ninguna mejora el 6.7e-4 del artículo (10 000 puntos y hasta 50 000 iteraciones de
L-BFGS en una GPU). Con una sola semilla por receta, las diferencias entre las tres
mejores no son concluyentes.

Uso:
    python bench/burgers.py               # 10 minutos
    python bench/burgers.py --minutes 2

Escribe el resultado en ``bench/burgers.json`` e imprime una fila de tabla en Markdown.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from dlcourse.pinn import burgers_exact

NU = 0.01 / np.pi
RAISSI_REL_L2 = 6.7e-4


@dataclass
class Config:
    minutes: float = 10.0
    width: int = 20
    depth: int = 6                 # 6 capas ocultas de 20 (el artículo usó 8; el capítulo, 4)
    n_fixed: int = 6000            # puntos de colocación fijos (hipercubo latino)
    n_adaptive: int = 0            # puntos adaptativos, renovados en cada tanda (0: ninguno)
    n_initial: int = 100
    n_boundary: int = 100
    lam: float = 10.0              # peso de las condiciones inicial y de contorno
    adam_steps: int = 500
    lr: float = 1e-3
    round_iters: int = 100_000     # iteraciones de L-BFGS por tanda; sin puntos adaptativos, una sola tanda
    chunk_iters: int = 50          # cada cuántas iteraciones se mira el reloj
    history_size: int = 50
    threads: int = 1               # con más hilos en una máquina ocupada, mucho más lento
    seed: int = 0


DTYPE = torch.float64


def make_mlp(cfg: Config) -> nn.Sequential:
    torch.manual_seed(cfg.seed)
    layers, n_in = [], 2
    for _ in range(cfg.depth):
        layers += [nn.Linear(n_in, cfg.width), nn.Tanh()]
        n_in = cfg.width
    layers.append(nn.Linear(n_in, 1))
    net = nn.Sequential(*layers).to(DTYPE)
    for layer in net:
        if isinstance(layer, nn.Linear):
            nn.init.xavier_normal_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net


def latin_hypercube(n: int, gen: torch.Generator) -> torch.Tensor:
    u = (torch.arange(n, dtype=DTYPE)[:, None] + torch.rand(n, 2, generator=gen, dtype=DTYPE)) / n
    for j in range(2):
        u[:, j] = u[torch.randperm(n, generator=gen), j]
    return u


def collocation_points(n: int, gen: torch.Generator):
    u = latin_hypercube(n, gen)
    return 2 * u[:, :1] - 1, u[:, 1:]


class BurgersPINN:
    """La red, los datos de las condiciones y la pérdida del capítulo 19."""

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.net = make_mlp(cfg)
        self.gen = torch.Generator().manual_seed(cfg.seed)
        self.x_fixed, self.t_fixed = collocation_points(cfg.n_fixed, self.gen)
        self.x_0 = 2 * torch.rand(cfg.n_initial, 1, generator=self.gen, dtype=DTYPE) - 1
        self.u_0 = -torch.sin(math.pi * self.x_0)
        self.t_b = torch.rand(cfg.n_boundary, 1, generator=self.gen, dtype=DTYPE)
        self.x_b = torch.where(torch.arange(cfg.n_boundary)[:, None] % 2 == 0, -1.0, 1.0).to(DTYPE)
        self.x_f, self.t_f = self.x_fixed, self.t_fixed

    def u(self, x, t):
        return self.net(torch.cat([x, 2 * t - 1], dim=1))

    def residual(self, x, t):
        x = x.detach().requires_grad_(True)
        t = t.detach().requires_grad_(True)
        u = self.u(x, t)
        ones = torch.ones_like(u)
        u_x, u_t = torch.autograd.grad(u, (x, t), grad_outputs=ones, create_graph=True)
        (u_xx,) = torch.autograd.grad(u_x, x, grad_outputs=ones, create_graph=True)
        return u_t + u * u_x - NU * u_xx

    def loss(self):
        loss_r = self.residual(self.x_f, self.t_f).pow(2).mean()
        loss_0 = (self.u(self.x_0, torch.zeros_like(self.x_0)) - self.u_0).pow(2).mean()
        loss_b = self.u(self.x_b, self.t_b).pow(2).mean()
        return loss_r + self.cfg.lam * (loss_0 + loss_b)

    def resample_adaptive(self, n_candidates: int = 40_000):
        """Puntos adaptativos con probabilidad ∝ |r|/media(|r|) + 1 (RAR-D, Wu et al., 2023)."""
        if self.cfg.n_adaptive == 0:
            return
        x_c, t_c = collocation_points(n_candidates, self.gen)
        r = self.residual(x_c, t_c).detach().abs().squeeze(1)
        idx = torch.multinomial(r / r.mean() + 1, self.cfg.n_adaptive, replacement=False, generator=self.gen)
        self.x_f = torch.cat([self.x_fixed, x_c[idx]])
        self.t_f = torch.cat([self.t_fixed, t_c[idx]])


def reference_grid():
    x, t = np.linspace(-1, 1, 256), np.linspace(0, 0.99, 100)
    X, T = np.meshgrid(x, t)
    XT = torch.tensor(np.stack([X.ravel(), T.ravel()], axis=1), dtype=DTYPE)
    return XT, burgers_exact(X, T, nu=NU)


def rel_l2(model: BurgersPINN, XT: torch.Tensor, U: np.ndarray) -> float:
    with torch.no_grad():
        pred = model.u(XT[:, :1], XT[:, 1:]).numpy().reshape(U.shape)
    return float(np.linalg.norm(pred - U) / np.linalg.norm(U))


def train(cfg: Config) -> dict:
    torch.set_num_threads(cfg.threads)
    budget = 60 * cfg.minutes
    start, cpu_start = time.perf_counter(), time.process_time()
    elapsed = lambda: time.perf_counter() - start  # noqa: E731
    XT, U = reference_grid()
    model = BurgersPINN(cfg)
    params = list(model.net.parameters())
    log = []

    # Adam, con el reloj mirado en cada paso
    adam = torch.optim.Adam(params, lr=cfg.lr)
    adam_done = 0
    for _ in range(cfg.adam_steps):
        if elapsed() > 0.2 * budget:
            break
        adam.zero_grad()
        loss = model.loss()
        loss.backward()
        adam.step()
        adam_done += 1
    print(f"Adam: {adam_done} pasos, pérdida {model.loss().item():.2e}, error {rel_l2(model, XT, U):.2e}, "
          f"{elapsed():.0f} s",
          flush=True)

    # Tandas de L-BFGS; dentro de cada tanda, bloques cortos para poder parar a tiempo.
    # Cada tanda renueva los puntos adaptativos, salvo la última: si ya no queda tiempo
    # para al menos media tanda, se sigue puliendo con los puntos que hay, porque justo
    # después de renovarlos el error sube durante unas cuantas iteraciones.
    lbfgs_iters = evaluations = rounds = 0
    seconds_per_iter = None
    stopped_by = "tiempo"

    def time_left():
        return budget - elapsed()

    while True:
        polish = seconds_per_iter is not None and time_left() < 0.6 * cfg.round_iters * seconds_per_iter
        if not polish:
            model.resample_adaptive()
        rounds += 1
        lbfgs = torch.optim.LBFGS(params, lr=1.0, max_iter=cfg.chunk_iters, max_eval=4 * cfg.chunk_iters,
                                  history_size=cfg.history_size, tolerance_grad=1e-12, tolerance_change=1e-15,
                                  line_search_fn="strong_wolfe")

        def closure():
            lbfgs.zero_grad()
            value = model.loss()
            value.backward()
            return value

        done_in_round, converged, out_of_time = 0, False, False
        while polish or done_in_round < cfg.round_iters:
            # margen: un bloque más, la evaluación final del error y la escritura del resultado
            if seconds_per_iter is not None and 1.5 * cfg.chunk_iters * seconds_per_iter + 5 > time_left():
                out_of_time = True
                break
            t0 = time.perf_counter()
            state = lbfgs.state[params[0]]
            iters_before, evals_before = state.get("n_iter", 0), state.get("func_evals", 0)
            lbfgs.step(closure)
            state = lbfgs.state[params[0]]
            step_iters = state["n_iter"] - iters_before
            step_evals = state["func_evals"] - evals_before
            evaluations += step_evals
            if step_iters < cfg.chunk_iters and step_evals < 4 * cfg.chunk_iters:
                # L-BFGS se detuvo solo (gradiente o cambio por debajo de la tolerancia)
                done_in_round += step_iters
                converged = True
                break
            done_in_round += step_iters
            seconds_per_iter = (time.perf_counter() - t0) / step_iters
        lbfgs_iters += done_in_round
        err = rel_l2(model, XT, U)
        loss_value = model.loss().item()
        log.append({"round": rounds, "resampled": not polish, "lbfgs_iters": lbfgs_iters, "loss": loss_value,
                    "rel_l2": err, "seconds": round(elapsed(), 1)})
        print(f"tanda {rounds}{' (sin renovar puntos)' if polish else ''}: {lbfgs_iters} iteraciones de L-BFGS, "
              f"pérdida {loss_value:.2e}, error {err:.2e}, {elapsed():.0f} s", flush=True)
        if converged:
            stopped_by = "L-BFGS se detuvo solo"
            break
        if out_of_time or polish:
            break

    return {
        "rel_l2": rel_l2(model, XT, U),
        "raissi_rel_l2": RAISSI_REL_L2,
        "seconds": round(elapsed(), 1),
        "cpu_seconds": round(time.process_time() - cpu_start, 1),
        "adam_steps": adam_done,
        "lbfgs_iterations": lbfgs_iters,
        "lbfgs_evaluations": evaluations,
        "lbfgs_rounds": rounds,
        "stopped_by": stopped_by,
        "parameters": sum(p.numel() for p in params),
        "settings": asdict(cfg),
        "log": log,
        "machine": f"{platform.processor() or platform.machine()}, torch {torch.__version__}",
    }


RECIPE_OPTIONS = ("width", "depth", "n_fixed", "n_adaptive", "adam_steps", "round_iters", "lam")


def main():
    parser = argparse.ArgumentParser(description="PINN de Burgers con límite de tiempo (capítulo 19).")
    parser.add_argument("--minutes", type=float, default=10.0, help="límite de tiempo total (10 por defecto)")
    parser.add_argument("--threads", type=int, default=1, help="hilos de PyTorch (1 por defecto)")
    parser.add_argument("--seed", type=int, default=0)
    defaults = Config()
    for name in RECIPE_OPTIONS:
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(getattr(defaults, name)),
                            default=getattr(defaults, name))
    parser.add_argument("--out", type=Path, default=Path(__file__).with_suffix(".json"),
                        help="archivo JSON del resultado (bench/burgers.json por defecto)")
    args = parser.parse_args()
    if args.minutes <= 0:
        parser.error("--minutes debe ser positivo")
    for name in ("threads", "width", "depth", "n_fixed", "round_iters"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} debe ser al menos 1")
    if args.n_adaptive < 0 or args.adam_steps < 0 or args.lam < 0:
        parser.error("--n-adaptive, --adam-steps y --lam no pueden ser negativos")
    cfg = Config(minutes=args.minutes, threads=args.threads, seed=args.seed,
                 **{name: getattr(args, name) for name in RECIPE_OPTIONS})
    result = train(cfg)

    out = args.out
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nError relativo L2: {result['rel_l2']:.2e} (Raissi et al. 2019: {RAISSI_REL_L2:.1e}) "
          f"en {result['seconds']:.0f} s; resultado en {out}")
    print("\n| problema | error relativo L2 | referencia | tiempo | ajustes |")
    print("|---|---|---|---|---|")
    print(f"| Burgers, PINN {cfg.depth}×{cfg.width} tanh, {cfg.n_fixed}+{cfg.n_adaptive} puntos, "
          f"Adam {result['adam_steps']} + L-BFGS {result['lbfgs_iterations']} (float64) "
          f"| {result['rel_l2']:.2e} | {RAISSI_REL_L2:.1e} | {result['seconds']:.0f} s "
          f"| {cfg.minutes:g} min, {cfg.threads} hilo(s), semilla {cfg.seed} |")


if __name__ == "__main__":
    main()
