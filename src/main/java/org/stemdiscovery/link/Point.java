package org.stemdiscovery.link;

/**
 * One point of a batch as {@code next} answers it (names as on the wire, through Gson's underscore naming):
 * the patch centre in image pixels, in nm (null without a pixel size) and as the fraction of the field of view,
 * y first, the convention of Nion's {@code stem_controller.probe_position}.
 *
 * @param order place in the beam order of the batch, from 0
 */
record Point(int id, int order, double x, double y, Double xNm, Double yNm, double fy, double fx, int patch,
	double dwellUs) {}
