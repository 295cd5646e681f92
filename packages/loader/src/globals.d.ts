/** File name of the content-hashed widget entry, set at build time from the widget's manifest. */
declare const __WIDGET_ENTRY__: string
