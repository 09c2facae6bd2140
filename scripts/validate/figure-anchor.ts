/**
 * A figure's anchor on its page, from its id: the chart stage writes it on the figure, the render
 * stage on diagrams and in every cross-reference, including those to a page it does not render
 * again (its view kept from an earlier build).
 */
export const figureAnchor = (id: string): string => `fig-${id}`;
