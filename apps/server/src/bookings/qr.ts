/** A booking code as an SVG QR code: what a kiosk's barcode scanner reads (it types the code). */
import qrcode from 'qrcode-generator';

export const qrSvg = (data: string): string => {
  const code = qrcode(0, 'M');
  code.addData(data, 'Byte');
  code.make();
  return code.createSvgTag({ cellSize: 6, margin: 4, scalable: true });
};
