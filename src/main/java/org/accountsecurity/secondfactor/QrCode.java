package org.accountsecurity.secondfactor;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn on our side as inline SVG: one path, no script, no style attribute and
 * no third-party origin, so the page's CSP holds and the secret never leaves the page.
 */
final class QrCode {

	private QrCode() {
	}

	/**
	 * The SVG element for {@code text}; {@code labelledBy} is the id of the element that
	 * names it for screen readers.
	 */
	static String svg(String text, String labelledBy) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not draw a QR code", ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" width=\"232\" height=\"232\" viewBox=\"0 0 "
				+ matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\" role=\"img\""
				+ " aria-labelledby=\"" + labelledBy + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
