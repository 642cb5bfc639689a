/* Loaded by index.html: the configuration written by `xltools wps build`,
 * then the ribbon callbacks (OnAddinLoad, OnAction, GetImage). */
document.write("<script type='text/javascript' src='js/config.js'></script>");
document.write("<script type='text/javascript' src='js/ribbon.js'></script>");
