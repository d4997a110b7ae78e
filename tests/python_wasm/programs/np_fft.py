import numpy as np

t = np.arange(8)
sig = np.sin(2 * np.pi * t / 8) + 0.5 * np.cos(2 * np.pi * 2 * t / 8)
f = np.fft.fft(sig)
print(np.round(f.real, 10) + 0.0)
print(np.round(f.imag, 10) + 0.0)
print(np.round(np.abs(np.fft.rfft(sig)), 10))
print(np.round(np.fft.ifft(f).real, 10) + 0.0)
print(np.fft.fftfreq(8, d=0.5))
