/**
 * A QR code drawn as one SVG path (qrcode-generator, pure JS): crisp at any size and
 * readable from a phone held at the screen. Dark modules on white with a quiet zone.
 */
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

const QUIET_ZONE = 4;

interface Props {
  readonly data: string;
  readonly label: string;
  readonly size: number;
}

export const QrCode = ({ data, label, size }: Props) => {
  const { path, modules } = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(data, 'Byte');
    code.make();
    const count = code.getModuleCount();
    const parts: string[] = [];
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
    return { path: parts.join(''), modules: count + QUIET_ZONE * 2 };
  }, [data]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      data-qr={data}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};
