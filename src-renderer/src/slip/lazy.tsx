import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * The slip's components, loaded when first shown: the slip, its QR code and its CSS stay out of
 * the first screen's bundle (the register page only needs them once a visit is done).
 */
const PrintSlipButtonLazy = lazy(() => import('./PrintSlipButton').then((m) => ({ default: m.PrintSlipButton })));
const SlipPrintAreaLazy = lazy(() => import('./SlipPrintArea').then((m) => ({ default: m.SlipPrintArea })));

export function PrintSlipButton(props: ComponentProps<typeof PrintSlipButtonLazy>) {
  return (
    <Suspense fallback={null}>
      <PrintSlipButtonLazy {...props} />
    </Suspense>
  );
}

export function SlipPrintArea() {
  return (
    <Suspense fallback={null}>
      <SlipPrintAreaLazy />
    </Suspense>
  );
}
