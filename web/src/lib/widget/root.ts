/** The class of a notebook widget's root element: the one selector its whole stylesheet is scoped under. */
export const WIDGET_ROOT_CLASS = "glassbox-widget";
