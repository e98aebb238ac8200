// Printing the stats screen: chart canvases become images for the print (a
// canvas resized by the print layout can print blank or stretched), and go
// back to live canvases afterwards. A dark theme is swapped for the light one
// while printing: paper is white.
import { tick } from 'svelte';

export async function printReport(root: HTMLElement, print: () => void = () => window.print()): Promise<void> {
  const html = document.documentElement;
  const theme = html.dataset.theme;
  if (theme === 'dark') {
    html.dataset.theme = 'light';
    await tick(); // charts redraw with the light palette
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
  }
  try {
    printWithImages(root, print);
  } finally {
    if (theme === 'dark') html.dataset.theme = theme;
  }
}

export function printWithImages(root: HTMLElement, print: () => void = () => window.print()): void {
  const added: HTMLImageElement[] = [];
  for (const canvas of root.querySelectorAll('canvas')) {
    const img = document.createElement('img');
    img.src = canvas.toDataURL('image/png');
    img.alt = canvas.getAttribute('aria-label') ?? '';
    img.className = 'print-only chart-print';
    canvas.after(img);
    added.push(img);
  }
  root.classList.add('printing');
  try {
    print();
  } finally {
    // window.print() blocks until the dialog closes in Chromium and Electron.
    root.classList.remove('printing');
    for (const img of added) img.remove();
  }
}
